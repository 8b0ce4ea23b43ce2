// SPDX-License-Identifier: MIT
/*
 * Reading the arguments of L4.Loader:start(opts, "prog args...", posix_env)
 * and :startv(opts, "prog", args...) into a struct ned_start.  The keys of
 * opts ned acts on, with L4Re's meaning:
 *
 *   caps = { name = cap, ... }   named capabilities (L4.Cap values; nil or
 *                                false leave a name out)
 *   log = { "tag", "color" }     a log created for the program (color is
 *                                accepted and, as moe prints no colors,
 *                                ignored); or an L4.Cap to use as its log
 *   env = { NAME = "value" }     environment variables (also the third
 *                                argument of :start(), L4Re's posix_env)
 *   scheduler = prio | { prio, max }   priority of the main thread
 *
 * Other keys L4Re scripts carry (l4re_dbg, ldr_flags, ...) are ignored.
 * Errors are Lua errors that name the bad key, raised with the caller's
 * file and line.  Strings stay owned by Lua: the values pushed here stay on
 * the stack of the calling C function until it returns.
 */
#include <string.h>

#include <lauxlib.h>

#include <l4/sys/consts.h>

#include "ned.h"

static void parse_caps(lua_State *L, int t, struct ned_start *s)
{
	struct ned_cap *c;
	char const *name;
	size_t len;

	if (lua_isnoneornil(L, t))
		return;
	if (!lua_istable(L, t))
		luaL_error(L, "caps: table expected, got %s", luaL_typename(L, t));
	lua_pushnil(L);
	while (lua_next(L, t)) {
		if (lua_type(L, -2) != LUA_TSTRING)
			luaL_error(L, "caps: names must be strings");
		name = lua_tolstring(L, -2, &len);
		if (len == 0 || len > 15)
			luaL_error(L, "caps: name '%s' must have 1 to 15 characters", name);
		if (lua_isnil(L, -1) || (lua_isboolean(L, -1) && !lua_toboolean(L, -1))) {
			lua_pop(L, 1);
			continue;
		}
		c = ned_cap_test(L, -1);
		if (!c) {
			luaL_error(L, "caps.%s: L4.Cap expected, got %s", name,
				   luaL_typename(L, -1));
			return; /* not reached: luaL_error() does not return */
		}
		/* One slot stays free for the "rom" the loader adds. */
		if (s->nr_caps + 1 >= L4_LOADER_MAX_CAPS)
			luaL_error(L, "caps: more than %d capabilities", L4_LOADER_MAX_CAPS - 1);
		/* The key string lives in the table, which lives on the caller's stack. */
		s->caps[s->nr_caps].name = name;
		s->caps[s->nr_caps].cap = c->cap;
		s->caps[s->nr_caps].rights = c->rights;
		++s->nr_caps;
		lua_pop(L, 1);
	}
}

static void parse_log(lua_State *L, int v, struct ned_start *s)
{
	struct ned_cap *c;

	if (lua_isnoneornil(L, v))
		return;
	c = ned_cap_test(L, v);
	if (c) {
		s->log = c->cap;
		return;
	}
	if (lua_type(L, v) == LUA_TSTRING) {
		s->tag = lua_tostring(L, v);
		return;
	}
	if (!lua_istable(L, v))
		luaL_error(L, "log: { \"tag\", \"color\" } or L4.Cap expected, got %s",
			   luaL_typename(L, v));
	lua_rawgeti(L, v, 1);
	if (lua_type(L, -1) != LUA_TSTRING)
		luaL_error(L, "log: the tag (log[1]) must be a string");
	s->tag = lua_tostring(L, -1); /* anchored by the log table */
	lua_pop(L, 1);
	lua_rawgeti(L, v, 2);
	if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
		luaL_error(L, "log: the color (log[2]) must be a string");
	lua_pop(L, 1);
}

static void parse_scheduler(lua_State *L, int v, struct ned_start *s)
{
	lua_Integer prio;
	int isnum;

	if (lua_isnoneornil(L, v))
		return;
	if (lua_istable(L, v)) {
		lua_rawgeti(L, v, 1);
		prio = lua_tointegerx(L, -1, &isnum);
		lua_pop(L, 1);
	} else {
		prio = lua_tointegerx(L, v, &isnum);
	}
	if (!isnum || prio < 1 || prio > 254)
		luaL_error(L, "scheduler: a priority 1..254 (or { prio, max }) expected");
	s->prio = (unsigned)prio;
}

/* Adds "NAME=value" for every pair of the table at t to the anchor table at a. */
static void collect_env(lua_State *L, int t, int a, char const *what)
{
	if (lua_isnoneornil(L, t))
		return;
	if (!lua_istable(L, t))
		luaL_error(L, "%s: table expected, got %s", what, luaL_typename(L, t));
	lua_pushnil(L);
	while (lua_next(L, t)) {
		int kt = lua_type(L, -2), vt = lua_type(L, -1);

		if (kt != LUA_TSTRING || (vt != LUA_TSTRING && vt != LUA_TNUMBER))
			luaL_error(L, "%s: names and values must be strings", what);
		/* Push copies: lua_tostring on a number key would confuse lua_next. */
		lua_pushvalue(L, -2);
		lua_pushvalue(L, -2);
		lua_pushfstring(L, "%s=%s", lua_tostring(L, -2), lua_tostring(L, -1));
		lua_rawseti(L, a, (lua_Integer)lua_rawlen(L, a) + 1);
		lua_pop(L, 3);
	}
}

/* opts, penv: stack indices (0 or beyond the top: absent). */
void ned_start_parse(lua_State *L, int opts, int penv, struct ned_start *s)
{
	int anchor, n, i;
	char const **envp;

	/* Absent arguments: their indices would name what we push below. */
	if (opts > lua_gettop(L))
		opts = 0;
	if (penv > lua_gettop(L))
		penv = 0;
	memset(s, 0, sizeof(*s));
	s->log = L4_INVALID_CAP;
	luaL_checkstack(L, 16, "ned: start options");
	if (opts && !lua_isnil(L, opts))
		luaL_checktype(L, opts, LUA_TTABLE);
	lua_newtable(L);
	anchor = lua_gettop(L);
	if (opts && lua_istable(L, opts)) {
		lua_getfield(L, opts, "caps");
		parse_caps(L, lua_gettop(L), s);
		lua_getfield(L, opts, "log");
		parse_log(L, lua_gettop(L), s);
		lua_getfield(L, opts, "scheduler");
		parse_scheduler(L, lua_gettop(L), s);
		lua_getfield(L, opts, "env");
		collect_env(L, lua_gettop(L), anchor, "env");
		/* caps, log, scheduler and env stay on the stack: they anchor the strings. */
	}
	if (penv)
		collect_env(L, penv, anchor, "posix_env");

	n = (int)lua_rawlen(L, anchor);
	envp = lua_newuserdatauv(L, sizeof(*envp) * (size_t)(n + 1), 0);
	for (i = 0; i < n; ++i) {
		lua_rawgeti(L, anchor, i + 1);
		envp[i] = lua_tostring(L, -1); /* anchored by the anchor table */
		lua_pop(L, 1);
	}
	envp[n] = NULL;
	s->envp = envp;
}

void ned_start_argv(lua_State *L, int first, int last, struct ned_start *s)
{
	char const **argv;
	int i;

	argv = lua_newuserdatauv(L, sizeof(*argv) * (size_t)(last - first + 2), 0);
	for (i = first; i <= last; ++i)
		argv[i - first] = luaL_checkstring(L, i); /* converted in place: stays valid */
	argv[last - first + 1] = NULL;
	s->argv = argv;
	s->argc = last - first + 1;
}

void ned_start_cmdline(lua_State *L, int idx, struct ned_start *s)
{
	size_t len;
	char const *cmd = luaL_checklstring(L, idx, &len);
	char *copy = lua_newuserdatauv(L, len + 1, 0);
	/* n words need at least 2n - 1 characters. */
	char const **argv = lua_newuserdatauv(L, sizeof(*argv) * (len / 2 + 2), 0);
	int n;

	memcpy(copy, cmd, len + 1);
	n = ned_cmdline_split(copy, argv, (int)(len / 2 + 1));
	if (n <= 0)
		luaL_error(L, "start: empty command line");
	argv[n] = NULL;
	s->argv = argv;
	s->argc = n;
}
