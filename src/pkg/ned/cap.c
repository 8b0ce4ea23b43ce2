// SPDX-License-Identifier: MIT
/*
 * The L4.Cap class: a capability of ned's as a Lua value, with the rights a
 * program receives it with.  As in L4Re's ned a capability is passed on
 * read-only unless the script says otherwise: cap:m("rw") (or :mode())
 * returns a copy with other rights, cap:svr() the server end of a channel
 * (rights "rws": S lets the holder bind a thread to the gate), cap:full()
 * every right.  Copies share the selector; ned never frees a selector it
 * handed to a script, since any number of programs may hold it.
 */
#include <string.h>

#include <lauxlib.h>

#include <l4/sys/consts.h>
#include <l4/sys/types.h>

#include "ned.h"

struct ned_cap *ned_cap_test(lua_State *L, int idx)
{
	return luaL_testudata(L, idx, NED_CAP_MT);
}

struct ned_cap *ned_cap_check(lua_State *L, int idx)
{
	return luaL_checkudata(L, idx, NED_CAP_MT);
}

void ned_cap_push(lua_State *L, l4_cap_idx_t cap, unsigned rights)
{
	struct ned_cap *c = lua_newuserdatauv(L, sizeof(*c), 0);

	c->cap = cap;
	c->rights = rights;
	luaL_setmetatable(L, NED_CAP_MT);
}

/* Rights from "rwsd" letters (L4Re's spelling) or a number of L4_CAP_FPAGE_* bits. */
static unsigned cap_parse_rights(lua_State *L, int idx)
{
	char const *s;
	unsigned r = 0;

	if (lua_type(L, idx) == LUA_TNUMBER)
		return (unsigned)luaL_checkinteger(L, idx) & L4_CAP_FPAGE_RWSD;
	for (s = luaL_checkstring(L, idx); *s; ++s) {
		switch (*s) {
		case 'r':
		case 'R':
			r |= L4_CAP_FPAGE_R;
			break;
		case 'w':
		case 'W':
			r |= L4_CAP_FPAGE_W;
			break;
		case 's':
		case 'S':
			r |= L4_CAP_FPAGE_S;
			break;
		case 'd':
		case 'D':
			r |= L4_CAP_FPAGE_D;
			break;
		default:
			luaL_argerror(L, idx, "rights are letters of \"rwsd\"");
		}
	}
	/* Every capability can at least be invoked. */
	return r | L4_CAP_FPAGE_R;
}

static int cap_mode(lua_State *L)
{
	struct ned_cap *c = ned_cap_check(L, 1);

	ned_cap_push(L, c->cap, cap_parse_rights(L, 2));
	return 1;
}

static int cap_svr(lua_State *L)
{
	struct ned_cap *c = ned_cap_check(L, 1);

	ned_cap_push(L, c->cap, L4_CAP_FPAGE_RWS);
	return 1;
}

static int cap_full(lua_State *L)
{
	struct ned_cap *c = ned_cap_check(L, 1);

	ned_cap_push(L, c->cap, L4_CAP_FPAGE_RWSD);
	return 1;
}

static int cap_is_valid(lua_State *L)
{
	lua_pushboolean(L, l4_is_valid_cap(ned_cap_check(L, 1)->cap));
	return 1;
}

static int cap_tostring(lua_State *L)
{
	struct ned_cap *c = ned_cap_check(L, 1);
	char r[5];
	unsigned n = 0;

	if (c->rights & L4_CAP_FPAGE_R)
		r[n++] = 'r';
	if (c->rights & L4_CAP_FPAGE_W)
		r[n++] = 'w';
	if (c->rights & L4_CAP_FPAGE_S)
		r[n++] = 's';
	if (c->rights & L4_CAP_FPAGE_D)
		r[n++] = 'd';
	r[n] = '\0';
	lua_pushfstring(L, "L4::Cap[%p:%s]", (void *)c->cap, r);
	return 1;
}

/* Two Cap values are equal when they name the same selector (rights aside). */
static int cap_eq(lua_State *L)
{
	struct ned_cap *a = ned_cap_test(L, 1), *b = ned_cap_test(L, 2);

	lua_pushboolean(L, a && b && a->cap == b->cap);
	return 1;
}

static const luaL_Reg cap_methods[] = {
	{ "m", cap_mode },    { "mode", cap_mode },	    { "svr", cap_svr },
	{ "full", cap_full }, { "is_valid", cap_is_valid }, { "create", ned_cap_create },
	{ NULL, NULL },
};

static const luaL_Reg cap_meta[] = {
	{ "__tostring", cap_tostring },
	{ "__eq", cap_eq },
	{ NULL, NULL },
};

void ned_cap_open(lua_State *L)
{
	luaL_newmetatable(L, NED_CAP_MT);
	luaL_setfuncs(L, cap_meta, 0);
	luaL_newlib(L, cap_methods);
	lua_setfield(L, -2, "__index");
	lua_pop(L, 1);
}
