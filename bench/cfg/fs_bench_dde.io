# SPDX-License-Identifier: MIT
# make bench, entry fs-bench-dde: the virtio block device on the bus of
# the Linux driver's server.
bus vbus: virtio=blk
