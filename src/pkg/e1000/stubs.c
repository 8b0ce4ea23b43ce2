// SPDX-License-Identifier: MIT
/*
 * e1000: Linux functions the driver (or dde-linux's Linux half) references
 * that nobody provides, found at link time by tools/l4re-driver-wrap.  Each
 * stops the server with its name when called (<dde/stub.h>); one a test
 * reaches gets a real implementation in src/pkg/dde-linux/ instead.
 */
#include <dde/stub.h>

DDE_STUB(__folio_put)
DDE_STUB(alt_cb_patch_nops)
DDE_STUB(csum_ipv6_magic)
DDE_STUB(csum_tcpudp_nofold)
DDE_STUB(ethtool_convert_legacy_u32_to_link_mode)
DDE_STUB(ethtool_convert_link_mode_to_legacy_u32)
DDE_STUB(ethtool_op_get_ts_info)
DDE_STUB(napi_get_frags)
DDE_STUB(napi_gro_frags)
DDE_STUB(pci_enable_wake)
DDE_STUB(pci_set_power_state)
DDE_STUB(pci_wake_from_d3)
DDE_STUB(pcix_get_mmrbc)
DDE_STUB(pcix_set_mmrbc)
DDE_STUB(print_hex_dump)
