// SPDX-License-Identifier: MIT
/*
 * Splitting the command line of :start() ("rom/prog arg1 arg2") into argv.
 * Words are separated by blanks (spaces, tabs, newlines), as in L4Re's ned;
 * there is no quoting: a script that needs an argument with blanks in it
 * uses :startv(), which takes the words one by one.
 */
#include "ned.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int ned_cmdline_split(char *line, char const **argv, int max)
{
	int n = 0;

	for (;;) {
		while (is_blank(*line))
			*line++ = '\0';
		if (!*line)
			return n;
		if (n == max)
			return -1;
		argv[n++] = line;
		while (*line && !is_blank(*line))
			++line;
	}
}
