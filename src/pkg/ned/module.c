// SPDX-License-Identifier: MIT
/*
 * The L4 module scripts see, as global L4 and as require("L4") (L4Re's
 * scripts start with `local L4 = require("L4")`):
 *
 *   L4.Env             ned's capabilities by name (env.c)
 *   L4.Proto           protocol ids (proto.c)
 *   L4.Info            system facts, L4.Info.Kip (info.c)
 *   L4.Loader          the loader class (loader.c)
 *   L4.default_loader  the loader scripts normally use
 *   L4.Cap             the capability class's methods (cap.c)
 *   L4.Rights          rights bits for Cap:m() (ro, rw, rws, rwsd)
 */
#include <lauxlib.h>

#include <l4/sys/consts.h>

#include "ned.h"

static void push_rights(lua_State *L)
{
	lua_newtable(L);
	lua_pushinteger(L, L4_CAP_FPAGE_RO);
	lua_setfield(L, -2, "ro");
	lua_pushinteger(L, L4_CAP_FPAGE_RW);
	lua_setfield(L, -2, "rw");
	lua_pushinteger(L, L4_CAP_FPAGE_RS);
	lua_setfield(L, -2, "rs");
	lua_pushinteger(L, L4_CAP_FPAGE_RWS);
	lua_setfield(L, -2, "rws");
	lua_pushinteger(L, L4_CAP_FPAGE_RWSD);
	lua_setfield(L, -2, "rwsd");
}

int ned_luaopen_L4(lua_State *L)
{
	ned_cap_open(L);
	ned_app_open(L);

	lua_newtable(L);
	ned_env_push(L);
	lua_setfield(L, -2, "Env");
	ned_proto_push(L);
	lua_setfield(L, -2, "Proto");
	ned_info_push(L);
	lua_setfield(L, -2, "Info");
	push_rights(L);
	lua_setfield(L, -2, "Rights");
	luaL_getmetatable(L, NED_CAP_MT);
	lua_getfield(L, -1, "__index");
	lua_setfield(L, -3, "Cap");
	lua_pop(L, 1);
	ned_loader_open(L); /* class, default loader */
	lua_setfield(L, -3, "default_loader");
	lua_setfield(L, -2, "Loader");
	return 1;
}
