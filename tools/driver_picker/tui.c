// SPDX-License-Identifier: MIT
/*
 * ncurses selector (see tui.h).  One list widget serves the driver list,
 * the subsystem list and the details page, so all three scroll alike.
 */
#include "tui.h"

#include "report.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the list widget returns besides an index. */
enum { LIST_QUIT = -1, LIST_SEARCH = -2, LIST_SUBSYS = -3, LIST_CLEAR = -4 };

struct view {
	const char *title, *keys;
	char **rows;
	size_t n;
	size_t cur, top;
};

static void draw(const struct view *v)
{
	int h = LINES, w = COLS;
	size_t body = h > 3 ? (size_t)(h - 3) : 1;

	erase();
	attron(A_REVERSE);
	mvprintw(0, 0, "%-*.*s", w, w, v->title);
	attroff(A_REVERSE);
	for (size_t i = 0; i < body && v->top + i < v->n; i++) {
		size_t r = v->top + i;

		if (r == v->cur)
			attron(A_REVERSE);
		mvprintw((int)i + 1, 0, "%-*.*s", w, w, v->rows[r]);
		if (r == v->cur)
			attroff(A_REVERSE);
	}
	if (!v->n)
		mvprintw(1, 0, "(nothing matches)");
	attron(A_REVERSE);
	mvprintw(h - 1, 0, "%-*.*s", w, w, v->keys);
	attroff(A_REVERSE);
	refresh();
}

/* Runs a list until Enter (returns the index) or another command key. */
static long run_list(struct view *v)
{
	for (;;) {
		size_t body = LINES > 3 ? (size_t)(LINES - 3) : 1;
		int ch;

		if (v->cur >= v->n)
			v->cur = v->n ? v->n - 1 : 0;
		if (v->cur < v->top)
			v->top = v->cur;
		if (v->cur >= v->top + body)
			v->top = v->cur - body + 1;
		draw(v);
		ch = getch();
		switch (ch) {
		case KEY_UP:
		case 'k':
			if (v->cur)
				v->cur--;
			break;
		case KEY_DOWN:
		case 'j':
			if (v->cur + 1 < v->n)
				v->cur++;
			break;
		case KEY_PPAGE:
			v->cur = v->cur > body ? v->cur - body : 0;
			break;
		case KEY_NPAGE:
		case ' ':
			v->cur = v->cur + body < v->n ? v->cur + body : (v->n ? v->n - 1 : 0);
			break;
		case KEY_HOME:
		case 'g':
			v->cur = 0;
			break;
		case KEY_END:
		case 'G':
			v->cur = v->n ? v->n - 1 : 0;
			break;
		case '\n':
		case '\r':
		case KEY_ENTER:
			if (v->n)
				return (long)v->cur;
			break;
		case '/':
			return LIST_SEARCH;
		case 's':
			return LIST_SUBSYS;
		case 'c':
			return LIST_CLEAR;
		case 'q':
		case 27: /* Escape */
		case KEY_BACKSPACE:
			return LIST_QUIT;
		default:
			break;
		}
	}
}

static void free_rows(struct view *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->rows[i]);
	free(v->rows);
	v->rows = NULL;
	v->n = 0;
}

/* A line of input on the bottom row. */
static void prompt_line(const char *label, char *buf, int size)
{
	attron(A_REVERSE);
	mvprintw(LINES - 1, 0, "%-*s", COLS, label);
	attroff(A_REVERSE);
	move(LINES - 1, (int)strlen(label));
	echo();
	curs_set(1);
	getnstr(buf, size - 1);
	noecho();
	curs_set(0);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The distinct menu paths; returns the chosen one (fresh memory) or NULL. */
static char *choose_subsystem(const struct catalogue *c)
{
	struct strvec menus = { 0 };
	struct view v = {
		"Subsystems (Kconfig menus): Enter selects", "Enter select  q back", NULL, 0, 0, 0
	};
	char *pick = NULL;
	long r;

	for (size_t i = 0; i < c->n; i++)
		strvec_add_unique(&menus, c->drivers[i]->menu ? c->drivers[i]->menu : "");
	if (menus.n)
		qsort(menus.v, menus.n, sizeof(*menus.v), by_string);
	v.rows = menus.v;
	v.n = menus.n;
	do {
		r = run_list(&v);
	} while (r == LIST_SEARCH || r == LIST_SUBSYS || r == LIST_CLEAR);
	if (r >= 0 && (size_t)r < menus.n)
		pick = xstrdup(menus.v[r]);
	strvec_free(&menus);
	return pick;
}

/* Details of s; returns 1 if the user selected it. */
static int show_details(const struct catalogue *c, const struct ksym *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct view v = {
		"Details: Enter or y selects this driver", "Enter/y select  q back", NULL, 0, 0, 0
	};
	struct strvec lines = { 0 };
	long r;

	if (!f)
		return 0;
	report_driver(f, c, s, FORMAT_TEXT);
	fclose(f);
	for (char *save = NULL, *l = strtok_r(text, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save))
		strvec_push(&lines, l);
	free(text);
	v.rows = lines.v;
	v.n = lines.n;
	for (;;) {
		int ch;

		draw(&v);
		ch = getch();
		if (ch == 'y' || ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
			r = 1;
			break;
		}
		if (ch == 'q' || ch == 27 || ch == KEY_BACKSPACE) {
			r = 0;
			break;
		}
		if ((ch == KEY_DOWN || ch == 'j') && v.top + 1 < v.n)
			v.top++;
		if ((ch == KEY_UP || ch == 'k') && v.top)
			v.top--;
		v.cur = v.top;
	}
	strvec_free(&lines);
	return (int)r;
}

const struct ksym *tui_pick(const struct catalogue *c, const char *subsystem, const char **err)
{
	FILE *tty = fopen("/dev/tty", "r+");
	SCREEN *scr;
	char search[128] = "", *sub = subsystem ? xstrdup(subsystem) : NULL;
	const struct ksym *chosen = NULL;
	const struct ksym **shown = NULL;
	struct view v = { NULL, "/ search  s subsystem  c clear  Enter details  q quit", NULL, 0, 0,
			  0 };
	char title[512];

	*err = NULL;
	if (!tty) {
		*err = "interactive mode needs a terminal (/dev/tty); use --list or --driver";
		free(sub);
		return NULL;
	}
	scr = newterm(NULL, tty, tty);
	if (!scr) {
		*err = "cannot start ncurses on /dev/tty (is TERM set?)";
		fclose(tty);
		free(sub);
		return NULL;
	}
	set_term(scr);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	shown = xmalloc((c->n ? c->n : 1) * sizeof(const struct ksym *));
	for (;;) {
		long r;

		free_rows(&v);
		v.rows = xmalloc((c->n ? c->n : 1) * sizeof(*v.rows));
		for (size_t i = 0; i < c->n; i++) {
			const struct ksym *s = c->drivers[i];

			if (sub && !(s->menu && !strncmp(s->menu, sub, strlen(sub))) &&
			    !driver_in_subsystem(s, sub))
				continue;
			if (search[0] && !driver_matches(s, search))
				continue;
			shown[v.n] = s;
			v.rows[v.n++] = xasprintf("%-28s %s", s->name, s->prompt);
		}
		snprintf(title, sizeof(title),
			 "driver_picker: Linux %s, %zu of %zu drivers%s%s%s%s", c->version, v.n,
			 c->n, sub ? "  subsystem: " : "", sub ? sub : "",
			 search[0] ? "  search: " : "", search);
		v.title = title;
		r = run_list(&v);
		if (r == LIST_QUIT)
			break;
		if (r == LIST_SEARCH) {
			prompt_line("search: ", search, sizeof(search));
			v.cur = v.top = 0;
		} else if (r == LIST_SUBSYS) {
			char *pick = choose_subsystem(c);

			if (pick) {
				free(sub);
				sub = pick;
				v.cur = v.top = 0;
			}
		} else if (r == LIST_CLEAR) {
			free(sub);
			sub = NULL;
			search[0] = '\0';
			v.cur = v.top = 0;
		} else if (r >= 0 && show_details(c, shown[r])) {
			chosen = shown[r];
			break;
		}
	}
	free_rows(&v);
	free(shown);
	free(sub);
	endwin();
	delscreen(scr);
	fclose(tty);
	return chosen;
}
