"""Check a plugin zip against the QGIS plugin repository's rules (plugins.qgis.org's upload validator and the
publishing guide) and the project's own: prints one line per problem, exit status 1 when there is any.

    .venv/bin/python scripts/check_plugin_zip.py dist/lunar_lab-0.1.0.zip
"""
import configparser
import re
import sys
import zipfile

#: Fields the repository refuses a plugin without.
MANDATORY = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository",
             "tracker")
#: Deprecated metadata ``category`` values QGIS knows (the Plugins menu is the default when it is absent).
CATEGORIES = ("Raster", "Vector", "Database", "Mesh", "Web")
MAX_BYTES = 25 * 1024 * 1024  # the repository's upload limit
PLACEHOLDER = re.compile(r"example\.(org|com|net)|lunar-lab/lunar-lab|\bTODO\b|\bFIXME\b|changeme", re.I)
FOLDER = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")


def metadata(archive, folder):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # keys are case sensitive (qgisMinimumVersion)
    parser.read_string(archive.read(f"{folder}/metadata.txt").decode("utf-8"))
    return dict(parser["general"]) if parser.has_section("general") else {}


def problems(path):
    """The list of rule violations of the zip at ``path`` (empty: it may be uploaded)."""
    found = []
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        size = sum(info.file_size for info in archive.infolist())
        if size > MAX_BYTES:
            found.append(f"unpacked size {size} bytes is over the repository's {MAX_BYTES} bytes")
        tops = {name.split("/")[0] for name in names}
        if len(tops) != 1:
            return found + [f"the zip must hold exactly one top folder, not {sorted(tops)}"]
        folder = tops.pop()
        if not FOLDER.match(folder):
            found.append(f"top folder '{folder}' must start with a letter and hold only letters, digits, - and _")
        for bad, why in (("__pycache__/", "__pycache__ folder"), (".pyc", "compiled Python (.pyc)"),
                         ("__MACOSX", "macOS metadata"), ("/.git", "a git folder or file")):
            hits = [n for n in names if bad in n]
            if hits:
                found.append(f"{why}: {hits[0]}")
        for needed in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{folder}/{needed}" not in names:
                found.append(f"{needed} is missing")
        if f"{folder}/metadata.txt" not in names:
            return found
        meta = metadata(archive, folder)
        for key in MANDATORY:
            if not meta.get(key, "").strip():
                found.append(f"metadata.txt: mandatory field '{key}' is missing")
        for key in ("repository", "tracker", "homepage"):
            if meta.get(key) and not URL.match(meta[key]):
                found.append(f"metadata.txt: {key} '{meta[key]}' is not an http(s) address")
        if meta.get("email") and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", meta["email"]):
            found.append(f"metadata.txt: email '{meta['email']}' is not an address")
        if not re.match(r"^\d+\.\d+(\.\d+)?$", meta.get("qgisMinimumVersion", "")):
            found.append("metadata.txt: qgisMinimumVersion must look like 3.22")
        if not re.match(r"^[0-9][0-9A-Za-z_.+-]*$", meta.get("version", "")):
            found.append(f"metadata.txt: version '{meta.get('version', '')}' is not a version number")
        if meta.get("category") and meta["category"] not in CATEGORIES:
            found.append(f"metadata.txt: category '{meta['category']}' is not one of {', '.join(CATEGORIES)}")
        icon = meta.get("icon", "")
        if not icon:
            found.append("metadata.txt: no icon")
        elif not icon.lower().endswith((".png", ".jpg", ".jpeg")):
            found.append(f"metadata.txt: icon '{icon}' must be PNG or JPEG")
        elif f"{folder}/{icon}" not in names:
            found.append(f"metadata.txt: icon '{icon}' is not in the zip")
        if not meta.get("changelog", "").strip():
            found.append("metadata.txt: no changelog")
        for key, value in meta.items():
            if PLACEHOLDER.search(value):
                found.append(f"metadata.txt: {key} looks like a placeholder: {value[:80]}")
    return found


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    issues = problems(sys.argv[1])
    for issue in issues:
        print(issue)
    sys.exit(1 if issues else 0)
