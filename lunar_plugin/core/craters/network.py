"""The crater detector network: a small U-Net with CenterNet-style heads (imports torch: load lazily).

Input: one DEM tile, (N, 1, H, W), normalised with ``tiles.normalise_tile`` (high-pass, divided by the
tile's std); H and W multiples of ``STRIDE`` (32). Output at half resolution (``OUTPUT_STRIDE`` = 2),
as a (N, 5, H/2, W/2) tensor: channel 0 heat logits (a crater centre is a local maximum of
sigmoid(heat)), 1-2 log of the crater radius in input pixels along x and along y (kept apart: a
geographic raster stretches craters along x by 1/cos(lat)), 3-4 the sub-cell offset of the centre (x, y)
in output cells (0..1 after a sigmoid).
"""
import torch
from torch import nn
import torch.nn.functional as F

DEFAULT_CONFIG = {"stem": 12, "channels": [16, 32, 48, 64, 96], "in_channels": 1}
STRIDE = 32
OUTPUT_STRIDE = 2


def _conv(cin, cout, stride=1, dilation=1):
    return [nn.Conv2d(cin, cout, 3, stride=stride, padding=dilation, dilation=dilation, bias=False),
            nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


def _block(cin, cout, n=2, dilation=1):
    layers = _conv(cin, cout, dilation=dilation)
    for _ in range(n - 1):
        layers += _conv(cout, cout, dilation=dilation)
    return nn.Sequential(*layers)


class CraterNet(nn.Module):
    STRIDE = STRIDE
    OUTPUT_STRIDE = OUTPUT_STRIDE

    def __init__(self, config=None):
        super().__init__()
        cfg = dict(DEFAULT_CONFIG, **(config or {}))
        self.config = cfg
        c = list(cfg["channels"])
        self.stem = nn.Sequential(*_conv(cfg["in_channels"], cfg["stem"], stride=2))
        self.enc = nn.ModuleList([_block(cfg["stem"], c[0], 1)]
                                 + [_block(c[i - 1], c[i]) for i in range(1, len(c) - 1)]
                                 + [_block(c[-2], c[-1], 2, dilation=2)])
        self.dec = nn.ModuleList([_block(c[i + 1] + c[i], c[i], 1) for i in range(len(c) - 1)])
        self.head = nn.Conv2d(c[0], 5, 1)
        with torch.no_grad():
            self.head.bias.zero_()
            self.head.bias[0] = -4.0
            self.head.bias[1:3] = 2.0

    def forward(self, x):
        x = self.stem(x)
        skips = []
        for i, enc in enumerate(self.enc):
            if i:
                x = F.max_pool2d(x, 2)
            x = enc(x)
            skips.append(x)
        for i in range(len(self.dec) - 1, -1, -1):
            x = F.interpolate(x, scale_factor=2, mode="nearest")
            x = self.dec[i](torch.cat([x, skips[i]], dim=1))
        return self.head(x)

    def fuse(self):
        """Fold every BatchNorm into the convolution before it (inference only; faster)."""
        for module in self.modules():
            if isinstance(module, nn.Sequential):
                items = list(module)
                for k in range(len(items) - 1):
                    conv, bn = items[k], items[k + 1]
                    if isinstance(conv, nn.Conv2d) and isinstance(bn, nn.BatchNorm2d):
                        scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
                        fused = nn.Conv2d(conv.in_channels, conv.out_channels, conv.kernel_size,
                                          stride=conv.stride, padding=conv.padding, dilation=conv.dilation,
                                          bias=True)
                        with torch.no_grad():
                            fused.weight.copy_(conv.weight * scale[:, None, None, None])
                            b = conv.bias if conv.bias is not None else torch.zeros_like(bn.running_mean)
                            fused.bias.copy_((b - bn.running_mean) * scale + bn.bias)
                        module[k] = fused
                        module[k + 1] = nn.Identity()
        return self


def build(config=None):
    return CraterNet(config)
