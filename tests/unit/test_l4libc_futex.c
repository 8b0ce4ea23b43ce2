// SPDX-License-Identifier: MIT
/* The l4re-libc backend's futex table: FIFO wake, partial wake, removal of
 * timed-out waiters, requeue, and addresses sharing a bucket. */
#include "unit.h"

#include "futex_table.h"

static struct __l4libc_futex_waiter mkw(unsigned long bell)
{
	struct __l4libc_futex_waiter w = { .doorbell = bell };

	return w;
}

TEST(wake_is_fifo_and_counts)
{
	static struct __l4libc_futex_table t;
	static int word;
	struct __l4libc_futex_waiter a = mkw(1), b = mkw(2), c = mkw(3);
	unsigned long out[8];

	__l4libc_futex_enqueue(&t, &a, &word);
	__l4libc_futex_enqueue(&t, &b, &word);
	__l4libc_futex_enqueue(&t, &c, &word);
	CHECK_EQ(__l4libc_futex_dequeue(&t, &word, 2, out, 8), 2);
	CHECK_EQ(out[0], 1UL);
	CHECK_EQ(out[1], 2UL);
	CHECK(!a.queued && !b.queued && c.queued);
	CHECK_EQ(__l4libc_futex_dequeue(&t, &word, 10, out, 8), 1);
	CHECK_EQ(out[0], 3UL);
	CHECK_EQ(__l4libc_futex_dequeue(&t, &word, 10, out, 8), 0);
}

TEST(batch_limit)
{
	static struct __l4libc_futex_table t;
	static int word;
	struct __l4libc_futex_waiter w[5];
	unsigned long out[2];

	for (int i = 0; i < 5; i++) {
		w[i] = mkw(10 + i);
		__l4libc_futex_enqueue(&t, &w[i], &word);
	}
	CHECK_EQ(__l4libc_futex_dequeue(&t, &word, 100, out, 2), 2);
	CHECK_EQ(out[1], 11UL);
	CHECK_EQ(__l4libc_futex_dequeue(&t, &word, 100, out, 2), 2);
	CHECK_EQ(__l4libc_futex_dequeue(&t, &word, 100, out, 2), 1);
	CHECK_EQ(out[0], 14UL);
}

TEST(other_addresses_untouched)
{
	static struct __l4libc_futex_table t;
	/* Many words, so that some share a bucket. */
	static int words[256];
	static struct __l4libc_futex_waiter w[256];
	unsigned long out[4];

	for (int i = 0; i < 256; i++) {
		w[i] = mkw(i);
		__l4libc_futex_enqueue(&t, &w[i], &words[i]);
	}
	for (int i = 255; i >= 0; i--) {
		CHECK_EQ(__l4libc_futex_dequeue(&t, &words[i], 4, out, 4), 1);
		CHECK_EQ(out[0], (unsigned long)i);
	}
}

TEST(remove_timed_out_waiter)
{
	static struct __l4libc_futex_table t;
	static int word;
	struct __l4libc_futex_waiter a = mkw(1), b = mkw(2);
	unsigned long out[4];

	__l4libc_futex_enqueue(&t, &a, &word);
	__l4libc_futex_enqueue(&t, &b, &word);
	CHECK_EQ(__l4libc_futex_remove(&t, &a), 1);
	CHECK_EQ(__l4libc_futex_remove(&t, &a), 0);
	CHECK_EQ(__l4libc_futex_dequeue(&t, &word, 1, out, 4), 1);
	CHECK_EQ(out[0], 2UL);
	/* Dequeued by a waker: removal reports it was no longer queued. */
	CHECK_EQ(__l4libc_futex_remove(&t, &b), 0);
}

TEST(requeue_moves_in_order)
{
	static struct __l4libc_futex_table t;
	static int cond, mutex;
	struct __l4libc_futex_waiter a = mkw(1), b = mkw(2), c = mkw(3), m = mkw(9);
	unsigned long out[4];

	__l4libc_futex_enqueue(&t, &m, &mutex);
	__l4libc_futex_enqueue(&t, &a, &cond);
	__l4libc_futex_enqueue(&t, &b, &cond);
	__l4libc_futex_enqueue(&t, &c, &cond);
	CHECK_EQ(__l4libc_futex_requeue(&t, &cond, &mutex, 2), 2);
	CHECK_EQ(__l4libc_futex_dequeue(&t, &cond, 4, out, 4), 1);
	CHECK_EQ(out[0], 3UL);
	CHECK_EQ(__l4libc_futex_dequeue(&t, &mutex, 4, out, 4), 3);
	CHECK_EQ(out[0], 9UL);
	CHECK_EQ(out[1], 1UL);
	CHECK_EQ(out[2], 2UL);
	CHECK(a.addr == &mutex);
}
