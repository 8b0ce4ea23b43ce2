// SPDX-License-Identifier: MIT
/*
 * The mapping database: derivation trees, recursive revoke (also of very
 * deep trees, which must not recurse), partial rights revocation, grant.
 */
#include <stdlib.h>

#include "unit.h"

#include <mapdb.h>

static int dropped, reduced;

void mapnode_drop(struct mapnode *n)
{
	dropped++;
	n->rights = 0xff; /* poison: a dropped node must never be seen again */
}

void mapnode_reduce(struct mapnode *n, unsigned int rights)
{
	reduced++;
	n->rights = (uint8_t)rights;
}

static void node(struct mapnode *n, struct mapnode *parent, unsigned int rights)
{
	memset(n, 0, sizeof(*n));
	n->kind = MAPNODE_MEM;
	n->rights = (uint8_t)rights;
	mapdb_link(parent, n);
}

TEST(revoke_children_keeps_self)
{
	struct mapnode r, a, b, c;

	node(&r, NULL, 7);
	node(&a, &r, 7);
	node(&b, &a, 5);
	node(&c, &r, 4);
	dropped = reduced = 0;
	mapdb_revoke(&r, 7, false);
	CHECK_EQ(dropped, 3);
	CHECK(r.child == NULL);
	CHECK_EQ(r.rights, 7);
}

TEST(revoke_self_drops_whole_subtree)
{
	struct mapnode r, a, b;

	node(&r, NULL, 7);
	node(&a, &r, 7);
	node(&b, &a, 7);
	dropped = 0;
	mapdb_revoke(&a, 7, true);
	CHECK_EQ(dropped, 2);
	CHECK(r.child == NULL);
}

TEST(revoke_write_only_reduces)
{
	struct mapnode r, a, b;

	node(&r, NULL, 7);
	node(&a, &r, 6);
	node(&b, &a, 2); /* write only: loses everything */
	dropped = reduced = 0;
	mapdb_revoke(&r, 2, false);
	CHECK_EQ(reduced, 1);
	CHECK_EQ(a.rights, 4);
	CHECK_EQ(dropped, 1);
	CHECK(a.child == NULL);
}

TEST(capability_without_read_right_goes)
{
	struct mapnode r, a;

	node(&r, NULL, 0xf);
	node(&a, &r, 0xf);
	a.kind = MAPNODE_CAP;
	dropped = 0;
	mapdb_revoke(&r, 4, false);
	CHECK_EQ(dropped, 1);
}

TEST(deep_chain_revoked_iteratively)
{
	enum { DEPTH = 200000 };
	struct mapnode *n = calloc(DEPTH, sizeof(*n));
	int i;

	CHECK(n != NULL);
	node(&n[0], NULL, 7);
	for (i = 1; i < DEPTH; i++)
		node(&n[i], &n[i - 1], 7);
	dropped = 0;
	mapdb_revoke(&n[0], 7, true);
	CHECK_EQ(dropped, DEPTH);
	free(n);
}

TEST(wide_tree_revoked)
{
	enum { WIDTH = 1000 };
	struct mapnode r, *n = calloc(WIDTH * 2, sizeof(*n));
	int i;

	node(&r, NULL, 7);
	for (i = 0; i < WIDTH; i++) {
		node(&n[2 * i], &r, 7);
		node(&n[2 * i + 1], &n[2 * i], 7);
	}
	dropped = 0;
	mapdb_revoke(&r, 7, false);
	CHECK_EQ(dropped, 2 * WIDTH);
	CHECK(r.child == NULL);
	free(n);
}

TEST(replace_takes_place_in_tree)
{
	struct mapnode r, a, b, g;

	node(&r, NULL, 7);
	node(&a, &r, 7);
	node(&b, &a, 7);
	memset(&g, 0, sizeof(g));
	g.rights = 7;
	mapdb_replace(&a, &g);
	CHECK(r.child == &g && g.parent == &r && b.parent == &g);
	CHECK(a.parent == NULL && a.child == NULL);
}
