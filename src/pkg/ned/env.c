// SPDX-License-Identifier: MIT
/*
 * L4.Env: ned's own initial environment as a table of L4.Cap values, so a
 * script can pass on what ned got: the standard capabilities (parent, rm,
 * mem_alloc, log, main_thread, factory, scheduler), L4Re's alias
 * user_factory (moe's allocator, which is also its generic factory), and
 * every named capability moe gave ned (rom, ...).
 */
#include <string.h>

#include <lauxlib.h>

#include <l4/re/env.h>
#include <l4/sys/consts.h>

#include "ned.h"

static void env_set(lua_State *L, char const *name, l4_cap_idx_t cap)
{
	if (l4_is_invalid_cap(cap))
		return;
	ned_cap_push(L, cap, L4_CAP_FPAGE_RO);
	lua_setfield(L, -2, name);
}

void ned_env_push(lua_State *L)
{
	l4re_env_t const *e = l4re_env();
	l4re_env_cap_entry_t const *c;

	lua_newtable(L);
	if (!e)
		return;
	env_set(L, "parent", e->parent);
	env_set(L, "rm", e->rm);
	env_set(L, "mem_alloc", e->mem_alloc);
	env_set(L, "user_factory", e->mem_alloc);
	env_set(L, "log", e->log);
	env_set(L, "main_thread", e->main_thread);
	env_set(L, "factory", e->factory);
	env_set(L, "scheduler", e->scheduler);
	for (c = e->caps; c && c->flags != ~0UL; ++c) {
		/* Names fill all 16 bytes without a terminator at most. */
		lua_pushlstring(L, c->name, ned_field_len(c->name, sizeof(c->name)));
		ned_cap_push(L, c->cap, L4_CAP_FPAGE_RO);
		lua_settable(L, -3);
	}
}
