// SPDX-License-Identifier: MIT
/*
 * virtio_blk: Linux functions the driver (or dde-linux's Linux half) references
 * that nobody provides, found at link time by tools/l4re-driver-wrap.  Each
 * stops the server with its name when called (<dde/stub.h>); one a test
 * reaches gets a real implementation in src/pkg/dde-linux/ instead.
 */
#include <dde/stub.h>

DDE_STUB(add_uevent_var)
DDE_STUB(alt_cb_patch_nops)
DDE_STUB(blk_execute_rq)
DDE_STUB(blk_mq_alloc_request)
DDE_STUB(blk_mq_end_request_batch)
DDE_STUB(blk_mq_free_request)
DDE_STUB(blk_mq_freeze_queue)
DDE_STUB(blk_mq_map_queues)
DDE_STUB(blk_mq_quiesce_queue_nowait)
DDE_STUB(blk_mq_unfreeze_queue)
DDE_STUB(blk_mq_unquiesce_queue)
DDE_STUB(blk_mq_virtio_map_queues)
DDE_STUB(blk_rq_map_kern)
DDE_STUB(synchronize_rcu)
DDE_STUB(sysfs_emit)
