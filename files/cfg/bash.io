# SPDX-License-Identifier: MIT
# io's configuration in the bash image (files/cfg/bash.cfg): the virtio
# block device's registers and interrupt, for fs_server (docs/io.md).
mmio virtio_blk: virtio=blk
irq virtio_blk_irq: virtio=blk
