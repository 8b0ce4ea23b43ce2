/* SPDX-License-Identifier: MIT */
/*
 * A tiny host unit-test harness.  A test file defines cases with TEST(name)
 * and checks with CHECK*(); tests/unit/unit.c supplies main(), which runs
 * every case and prints one line per case for tests/run.sh:
 *   PASS: unit/<suite>/<case>
 *   FAIL: unit/<suite>/<case>: <file>:<line>: <what>
 * A failing CHECK ends its case; the other cases still run.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

struct unit_test {
	const char *name;
	void (*fn)(void);
	struct unit_test *next;
};

void unit_register(struct unit_test *t);
void unit_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));

#define TEST(name)                                                       \
	static void name(void);                                          \
	static struct unit_test unit_reg_##name = { #name, name, NULL }; \
	__attribute__((constructor)) static void unit_ctor_##name(void)  \
	{                                                                \
		unit_register(&unit_reg_##name);                         \
	}                                                                \
	static void name(void)

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond))                                               \
			unit_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); \
	} while (0)

#define CHECK_EQ(a, b)                                                                           \
	do {                                                                                     \
		long long unit_a_ = (long long)(a), unit_b_ = (long long)(b);                    \
		if (unit_a_ != unit_b_)                                                          \
			unit_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", #a, #b, unit_a_, \
				  unit_b_);                                                      \
	} while (0)

#define CHECK_STR(a, b)                                                                    \
	do {                                                                               \
		const char *unit_a_ = (a), *unit_b_ = (b);                                 \
		if (strcmp(unit_a_, unit_b_))                                              \
			unit_fail(__FILE__, __LINE__, "%s: \"%s\" != \"%s\"", #a, unit_a_, \
				  unit_b_);                                                \
	} while (0)

#endif /* UNIT_H */
