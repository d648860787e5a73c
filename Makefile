# Lunar Lab: `make demo` runs the main job on the embedded synthetic data, `make test` runs the tests.
# Both install what they need first (Debian packages, .venv with pinned pip packages) and are idempotent.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.lunar-installed
DOCS_STAMP := $(VENV)/.lunar-docs-installed
TORCH_INDEX := $(shell sed -n 's/^TORCH_INDEX_URL = "\(.*\)"/\1/p' lunar_plugin/deps.py)
export QT_QPA_PLATFORM ?= offscreen
export LUNAR_SHARED_DATA ?= $(abspath ../shared/data)

.PHONY: setup system craterstats test test-core test-lts test-latest demo bench package translations docs clean

setup: system $(STAMP) $(DOCS_STAMP) craterstats translations resources_rc.py help/index.html

system:
	@scripts/install-system.sh

# craterstats 3.6.x, the CSFD test oracle, in its own venv (.venv-craterstats, Python >= 3.12); fast when done.
craterstats:
	@scripts/install-craterstats.sh

$(STAMP): requirements.txt
	@test -x $(PY) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	@# torch's CPU build from its own index first (PyPI's torch for Linux is the CUDA build, ~3.5 GB with its deps)
	$(PY) -m pip install -q --disable-pip-version-check --retries 1 --extra-index-url $(TORCH_INDEX) \
	  "$$(grep '^torch==' requirements.txt)"
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

# The documentation site's packages (MkDocs, its theme), pinned in requirements-docs.txt, into .venv.
$(DOCS_STAMP): requirements-docs.txt $(STAMP)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-docs.txt
	@touch $(DOCS_STAMP)

# The documentation site into build/docs; any MkDocs warning fails it. The algorithm reference and the model cards
# are generated on the way (scripts/docs_hooks.py).
docs: system $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --quiet

translations:
	@for ts in i18n/*.ts; do [ -e "$$ts" ] || continue; qm=$${ts%.ts}.qm; \
	  [ "$$qm" -nt "$$ts" ] || lrelease -silent "$$ts" -qm "$$qm"; done

# Built, not committed: the icons' Qt resources and the per-algorithm help pages (the zip builds its own).
resources_rc.py: resources.qrc $(wildcard icons/*.svg) scripts/build_resources.sh
	@scripts/build_resources.sh $@

help/index.html: $(wildcard processing_provider/algorithms/*.py) $(wildcard i18n/*.ts) scripts/build_help.py
	@$(PY) scripts/build_help.py --out help >/dev/null

test: setup
	$(PY) -m pytest -q -ra

test-core: setup
	$(PY) -m pytest -q -p no:pytest_qgis tests/core

# The suite in a Debian chroot kept outside the clone (LUNAR_CHROOT_CACHE, default /var/cache/lunar-lab; built with
# debootstrap on first use, root/sudo): QGIS 3.40 LTR (trixie) and 3.44 (forky). Arguments: ARGS="tests/core -x".
test-lts: setup
	scripts/qgis-chroot.sh trixie $(ARGS)

test-latest: setup
	scripts/qgis-chroot.sh forky $(ARGS)

demo: setup
	scripts/demo.sh

bench: setup
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

package: setup
	scripts/package.sh

clean:
	rm -rf build dist demo_output help resources_rc.py
