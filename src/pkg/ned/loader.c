// SPDX-License-Identifier: MIT
/*
 * The L4.Loader class and L4.default_loader, in L4Re's shape:
 *
 *   local ld = L4.default_loader            -- or L4.Loader.new{ log_fab = ... }
 *   local ch = ld:new_channel()             -- also :create_channel()
 *   local t  = ld:start({ caps = { ch = ch:svr() }, log = { "srv", "g" } },
 *                       "rom/server arg1 arg2")
 *   local t2 = ld:startv({ caps = { ch = ch } }, "rom/client", "an arg")
 *   print(t:wait())                          -- see app_lua.c
 *
 * A loader is a table with this class as metatable; its fields factory
 * (kernel factory for channels) and log_fab (factory of log objects)
 * default to ned's own.  Failing to start a program is a Lua error,
 * reported at the script's line: "cannot start 'rom/x': not found".
 */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>

#include "ned.h"

/* The capability in field name of the loader table at idx, or dflt. */
static l4_cap_idx_t loader_cap(lua_State *L, int idx, char const *name, l4_cap_idx_t dflt)
{
	struct ned_cap *c;
	l4_cap_idx_t r = dflt;

	lua_getfield(L, idx, name);
	c = ned_cap_test(L, -1);
	if (c)
		r = c->cap;
	else if (!lua_isnil(L, -1))
		luaL_error(L, "loader.%s: L4.Cap expected, got %s", name, luaL_typename(L, -1));
	lua_pop(L, 1);
	return r;
}

static char const *start_error_text(long err)
{
	switch (err) {
	case -L4_ENOENT:
		return "not found";
	case -L4_EINVAL:
		return "not a static AArch64 executable";
	case -L4_ENOMEM:
		return "out of memory";
	case -L4_E2BIG:
		return "arguments and environment too large";
	default:
		return l4sys_errtostr(err);
	}
}

/* Basename of a program path: the default log tag. */
static char const *base_name(char const *path)
{
	char const *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* Shared tail of start and startv: the log, the start itself, the task object. */
static int loader_do_start(lua_State *L, struct ned_start *s)
{
	l4re_env_t const *e = l4re_env();
	l4_cap_idx_t log = s->log, fab;
	struct ned_app *app;
	int log_owned = 0;
	long err;

	if (l4_is_invalid_cap(log)) {
		fab = loader_cap(L, 1, "log_fab", e->mem_alloc);
		err = ned_log_create(fab, s->tag ? s->tag : base_name(s->argv[0]), &log);
		if (err < 0) {
			/* Still start it: its output then carries ned's prefix. */
			printf("ned: no log for '%s' (%s); it shares ned's\n", s->argv[0],
			       l4sys_errtostr(err));
			log = e->log;
		} else {
			log_owned = 1;
		}
	}
	err = ned_app_start(s, log, log_owned, &app);
	if (err < 0)
		return luaL_error(L, "cannot start '%s': %s", s->argv[0], start_error_text(err));
	ned_app_push(L, app);
	return 1;
}

/* loader:start(opts, "prog args...", posix_env) */
static int loader_start(lua_State *L)
{
	struct ned_start s;

	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_checkstring(L, 3);
	ned_start_parse(L, 2, 4, &s);
	ned_start_cmdline(L, 3, &s);
	return loader_do_start(L, &s);
}

/* loader:startv(opts, "prog", "arg1", ...) */
static int loader_startv(lua_State *L)
{
	struct ned_start s;
	int last = lua_gettop(L);

	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_checkstring(L, 3);
	ned_start_parse(L, 2, 0, &s);
	ned_start_argv(L, 3, last, &s);
	return loader_do_start(L, &s);
}

/* loader:new_channel(): an unbound IPC gate; pass ch:svr() to the server. */
static int loader_new_channel(lua_State *L)
{
	l4_cap_idx_t factory, gate;
	long err;

	luaL_checktype(L, 1, LUA_TTABLE);
	factory = loader_cap(L, 1, "factory", l4re_env()->factory);
	gate = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(gate))
		return luaL_error(L, "new_channel: out of capability slots");
	err = l4_error(l4_factory_create_gate(factory, gate, L4_INVALID_CAP, 0));
	if (err < 0) {
		l4re_util_cap_free(gate);
		return luaL_error(L, "new_channel: cannot create an IPC gate: %s",
				  l4sys_errtostr(err));
	}
	ned_cap_push(L, gate, L4_CAP_FPAGE_RO);
	return 1;
}

/* L4.Loader.new(opts): a loader with other factories; fields copied from opts. */
static int loader_new(lua_State *L)
{
	lua_newtable(L);
	if (lua_istable(L, 1)) {
		lua_pushnil(L);
		while (lua_next(L, 1)) {
			lua_pushvalue(L, -2);
			lua_insert(L, -2);
			lua_settable(L, -4);
		}
	}
	luaL_setmetatable(L, NED_LOADER_MT);
	return 1;
}

static const luaL_Reg loader_methods[] = {
	{ "start", loader_start },
	{ "startv", loader_startv },
	{ "new_channel", loader_new_channel },
	{ "create_channel", loader_new_channel },
	{ "new", loader_new },
	{ NULL, NULL },
};

/* Leaves L4.Loader (the class) and a default loader on the stack. */
void ned_loader_open(lua_State *L)
{
	luaL_newmetatable(L, NED_LOADER_MT);
	luaL_setfuncs(L, loader_methods, 0);
	lua_pushvalue(L, -1);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, loader_new);
	lua_call(L, 0, 1);
}
