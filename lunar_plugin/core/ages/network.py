"""Dual-channel crater age network and its mean-teacher semi-supervised training loop.

Imports torch at module level: import this module lazily (from functions), never at plugin start-up.

Channel 1 (morphology): a small CNN over the crater chip (DEM relief, optionally image / OMAT) sampled on a
grid fixed in crater radii. Channel 2 (context): an MLP over the standardised morphometric and stratigraphic
attributes. The two embeddings are concatenated and classified into the five lunar Systems.

Mean teacher (Tarvainen & Valpola 2017): the teacher is an exponential moving average of the student; the
student is trained with class-weighted cross-entropy on labelled craters plus a consistency loss (MSE between
student and teacher softmax under independent augmentations) on labelled and unlabelled craters, ramped up
over the first part of training. The teacher is the model that is kept.
"""
import copy
import math

import torch
from torch import nn
import torch.nn.functional as F

from ..errors import Cancelled
from ..feedback import ensure
from .metrics import metrics

N_CLASSES = 5


class DualChannelNet(nn.Module):
    def __init__(self, n_channels, n_attributes, width=16, attr_hidden=64, fused=64, dropout=0.2, net_px=16):
        super().__init__()
        w = width
        # chips are averaged down to net_px (the 7.6 km/px LDEM_4 holds no more detail than that over 6 radii)
        self.pool_in = nn.AdaptiveAvgPool2d(net_px)

        def block(cin, cout):
            return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout),
                                 nn.ReLU(inplace=True), nn.MaxPool2d(2))

        self.cnn = nn.Sequential(block(n_channels, w), block(w, 2 * w), block(2 * w, 4 * w),
                                 nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.mlp = nn.Sequential(nn.Linear(n_attributes, attr_hidden), nn.ReLU(inplace=True), nn.Dropout(dropout),
                                 nn.Linear(attr_hidden, attr_hidden), nn.ReLU(inplace=True))
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(4 * w + attr_hidden, fused), nn.ReLU(inplace=True),
                                  nn.Dropout(dropout), nn.Linear(fused, N_CLASSES))

    def forward(self, chips, attrs):
        return self.head(torch.cat([self.cnn(self.pool_in(chips)), self.mlp(attrs)], dim=1))


def build(config):
    return DualChannelNet(int(config["n_channels"]), int(config["n_attributes"]), int(config.get("width", 16)),
                          int(config.get("attr_hidden", 64)), int(config.get("fused", 64)),
                          float(config.get("dropout", 0.2)), int(config.get("net_px", 16)))


def augment(chips, attrs, gen, attr_noise=0.05, chip_noise=0.02):
    """Random dihedral transform of the chips (crater morphology has no preferred azimuth) plus small noise."""
    k = int(torch.randint(0, 4, (1,), generator=gen))
    chips = torch.rot90(chips, k, dims=(2, 3))
    if int(torch.randint(0, 2, (1,), generator=gen)):
        chips = torch.flip(chips, dims=(3,))
    chips = chips + chip_noise * torch.randn(chips.shape, generator=gen)
    attrs = attrs + attr_noise * torch.randn(attrs.shape, generator=gen)
    return chips, attrs


@torch.no_grad()
def predict_logits(model, chips, attrs, batch=1024):
    model.eval()
    out = []
    for i in range(0, len(chips), batch):
        out.append(model(chips[i:i + batch], attrs[i:i + batch]))
    return torch.cat(out) if out else torch.zeros((0, N_CLASSES))


def mean_teacher_fit(model, chips, attrs, labels, unl_chips=None, unl_attrs=None, *, epochs=60, batch=64,
                     lr=2e-3, weight_decay=1e-4, class_weights=None, ema=0.99, consistency=5.0, rampup=0.3,
                     seed=0, val=None, feedback=None, progress=None):
    """Train ``model`` (the student) with a mean teacher; return (teacher, history).

    chips/attrs: float tensors of the labelled craters, labels: long tensor 0..4. unl_*: unlabelled craters.
    val: optional (chips, attrs, labels) used to keep the teacher of the epoch with the best validation
    balanced-and-overall accuracy mean (never the test split).
    """
    feedback = ensure(feedback)
    gen = torch.Generator().manual_seed(int(seed))
    torch.manual_seed(int(seed))
    teacher = copy.deepcopy(model)
    for p in teacher.parameters():
        p.requires_grad_(False)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    n_l = len(labels)
    n_u = 0 if unl_chips is None else len(unl_chips)
    steps_per_epoch = max(1, math.ceil(n_l / batch))
    total = epochs * steps_per_epoch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=total, pct_start=0.15)
    cw = None if class_weights is None else torch.as_tensor(class_weights, dtype=torch.float32)
    all_chips = chips if n_u == 0 else torch.cat([chips, unl_chips])
    all_attrs = attrs if n_u == 0 else torch.cat([attrs, unl_attrs])
    best, best_state, history = -1.0, None, []
    step = 0
    for epoch in range(epochs):
        model.train()
        teacher.train()
        perm = torch.randperm(n_l, generator=gen)
        for b in range(steps_per_epoch):
            if feedback.isCanceled():
                raise Cancelled("cancelled by the user")
            idx = perm[b * batch:(b + 1) * batch]
            uidx = torch.randint(0, len(all_chips), (batch,), generator=gen)
            c_l, a_l = augment(chips[idx], attrs[idx], gen)
            c_u, a_u = augment(all_chips[uidx], all_attrs[uidx], gen)
            c_t, a_t = augment(all_chips[uidx], all_attrs[uidx], gen)
            logits = model(torch.cat([c_l, c_u]), torch.cat([a_l, a_u]))
            sup = F.cross_entropy(logits[:len(idx)], labels[idx], weight=cw)
            with torch.no_grad():
                t_prob = F.softmax(teacher(c_t, a_t), dim=1)
            ramp = min(1.0, step / max(1.0, rampup * total))
            w_cons = consistency * math.exp(-5.0 * (1.0 - ramp) ** 2)
            cons = F.mse_loss(F.softmax(logits[len(idx):], dim=1), t_prob)
            loss = sup + w_cons * cons
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            a = min(ema, 1.0 - 1.0 / (step + 1))
            with torch.no_grad():
                for pt, ps in zip(teacher.parameters(), model.parameters()):
                    pt.mul_(a).add_(ps.detach(), alpha=1.0 - a)
                for bt, bs in zip(teacher.buffers(), model.buffers()):
                    bt.copy_(bs)
        rec = {"epoch": epoch + 1, "loss": float(loss.detach())}
        if val is not None and len(val[2]):
            pred = predict_logits(teacher, val[0], val[1]).argmax(1).numpy()
            m = metrics(val[2].numpy() + 1, pred + 1)
            score = 0.5 * (m["accuracy"] + m["balanced_accuracy"])
            rec.update(val_acc=m["accuracy"], val_balanced=m["balanced_accuracy"], val_score=score)
            if epoch >= epochs // 3 and score > best:
                best, best_state = score, copy.deepcopy(teacher.state_dict())
        history.append(rec)
        if progress is not None:
            progress.step(epoch + 1)
    if best_state is not None:
        teacher.load_state_dict(best_state)
    teacher.eval()
    return teacher, history
