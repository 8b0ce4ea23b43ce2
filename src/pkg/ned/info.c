// SPDX-License-Identifier: MIT
/*
 * L4.Info: facts about the system for scripts that adapt to it, read from
 * the kernel info page.  L4Re's functions arch(), platform() and
 * mword_bits(), plus L4.Info.Kip: version (the kernel's version string),
 * clock() (KIP clock, microseconds since boot), platform, and
 * scheduler_granularity (microseconds).
 */
#include <string.h>

#include <lauxlib.h>

#include <l4/re/env.h>
#include <l4/sys/kip.h>

#include "ned.h"

static int info_arch(lua_State *L)
{
	lua_pushliteral(L, "arm64");
	return 1;
}

static void push_platform(lua_State *L)
{
	l4_kernel_info_t const *kip = l4re_kip();
	char const *n = kip->platform_info.name;

	lua_pushlstring(L, n, ned_field_len(n, sizeof(kip->platform_info.name)));
}

static int info_platform(lua_State *L)
{
	push_platform(L);
	return 1;
}

static int info_mword_bits(lua_State *L)
{
	lua_pushinteger(L, (lua_Integer)sizeof(l4_umword_t) * 8);
	return 1;
}

static int info_clock(lua_State *L)
{
	lua_pushinteger(L, (lua_Integer)l4_kip_clock(l4re_kip()));
	return 1;
}

static const luaL_Reg info_funcs[] = {
	{ "arch", info_arch },
	{ "platform", info_platform },
	{ "mword_bits", info_mword_bits },
	{ NULL, NULL },
};

void ned_info_push(lua_State *L)
{
	l4_kernel_info_t const *kip = l4re_kip();

	luaL_newlib(L, info_funcs);
	lua_newtable(L);
	lua_pushstring(L, l4_kip_version_string(kip));
	lua_setfield(L, -2, "version");
	lua_pushcfunction(L, info_clock);
	lua_setfield(L, -2, "clock");
	push_platform(L);
	lua_setfield(L, -2, "platform");
	lua_pushinteger(L, (lua_Integer)kip->scheduler_granularity);
	lua_setfield(L, -2, "scheduler_granularity");
	lua_setfield(L, -2, "Kip");
}
