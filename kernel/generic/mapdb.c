// SPDX-License-Identifier: MIT
/*
 * Derivation trees of mappings and capabilities (see mapdb.h).  Invariant:
 * a node's rights are a subset of its parent's, because map and grant can
 * only keep or reduce rights.  So when revocation leaves a node with no
 * usable rights, its whole subtree goes too, which keeps revoke a simple
 * pre-order walk that cuts off doomed subtrees.
 */
#include <mapdb.h>

static void sibling_insert(struct mapnode *parent, struct mapnode *n)
{
	n->prev = NULL;
	n->next = parent->child;
	if (parent->child)
		parent->child->prev = n;
	parent->child = n;
}

static void sibling_remove(struct mapnode *n)
{
	if (n->prev)
		n->prev->next = n->next;
	else if (n->parent)
		n->parent->child = n->next;
	if (n->next)
		n->next->prev = n->prev;
	n->next = n->prev = NULL;
}

void mapdb_link(struct mapnode *parent, struct mapnode *child)
{
	child->parent = parent;
	child->child = NULL;
	child->next = child->prev = NULL;
	if (parent)
		sibling_insert(parent, child);
}

void mapdb_replace(struct mapnode *from, struct mapnode *to)
{
	struct mapnode *c;

	to->parent = from->parent;
	to->prev = from->prev;
	to->next = from->next;
	to->child = from->child;
	if (to->prev)
		to->prev->next = to;
	else if (to->parent)
		to->parent->child = to;
	if (to->next)
		to->next->prev = to;
	for (c = to->child; c; c = c->next)
		c->parent = to;
	from->parent = from->child = from->next = from->prev = NULL;
}

/* Remove n and everything below it, deepest nodes first. */
static void drop_subtree(struct mapnode *n)
{
	for (;;) {
		struct mapnode *leaf = n;

		while (leaf->child)
			leaf = leaf->child;
		sibling_remove(leaf);
		leaf->parent = NULL;
		mapnode_drop(leaf);
		if (leaf == n)
			return;
	}
}

/* The next node after n in pre-order within root's subtree, skipping n's children. */
static struct mapnode *next_skip_children(struct mapnode *n, const struct mapnode *root)
{
	while (n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

static bool loses_all(const struct mapnode *n, unsigned int rights)
{
	unsigned int left = n->rights & ~rights;

	/* A capability without its read right cannot be used at all. */
	if (n->kind == MAPNODE_CAP)
		return !(left & 4u);
	return left == 0;
}

void mapdb_revoke(struct mapnode *node, unsigned int rights, bool self)
{
	struct mapnode *n = node->child;

	while (n) {
		if (loses_all(n, rights)) {
			struct mapnode *next = next_skip_children(n, node);

			drop_subtree(n);
			n = next;
			continue;
		}
		mapnode_reduce(n, n->rights & ~rights);
		n = n->child ? n->child : next_skip_children(n, node);
	}
	if (!self)
		return;
	if (loses_all(node, rights))
		drop_subtree(node);
	else
		mapnode_reduce(node, node->rights & ~rights);
}
