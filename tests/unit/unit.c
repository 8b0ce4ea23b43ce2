// SPDX-License-Identifier: MIT
/*
 * main() of every host unit test: runs the registered cases in order and
 * prints a PASS/FAIL line for each.  A failing CHECK longjmps back here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>

#include "unit.h"

#ifndef UNIT_SUITE
#define UNIT_SUITE "unknown"
#endif

static struct unit_test *first, **last = &first;
static jmp_buf unit_jmp;
static char unit_why[1024];

void unit_register(struct unit_test *t)
{
	*last = t;
	last = &t->next;
}

void unit_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(unit_why, sizeof(unit_why), "%s:%d: ", file, line);

	va_start(ap, fmt);
	vsnprintf(unit_why + n, sizeof(unit_why) - (size_t)n, fmt, ap);
	va_end(ap);
	longjmp(unit_jmp, 1);
}

int main(void)
{
	struct unit_test *volatile t;
	volatile int failed = 0;

	for (t = first; t; t = t->next) {
		if (setjmp(unit_jmp) == 0) {
			t->fn();
			printf("PASS: unit/%s/%s\n", UNIT_SUITE, t->name);
		} else {
			printf("FAIL: unit/%s/%s: %s\n", UNIT_SUITE, t->name, unit_why);
			failed++;
		}
		fflush(stdout);
	}
	return failed ? 1 : 0;
}
