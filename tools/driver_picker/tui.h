/* SPDX-License-Identifier: MIT */
/*
 * The picker's interactive selector (ncurses): a driver list that can be
 * narrowed by a search text and by subsystem (menu path), a details page,
 * and a selection.  It draws on /dev/tty so that stdout stays free for the
 * chosen symbol (l4re-driver-wrap reads it with $(...)).
 */
#ifndef DRIVER_PICKER_TUI_H
#define DRIVER_PICKER_TUI_H

#include "drivers.h"

/* The chosen driver, or NULL if the user quit; *err is set (and NULL
 * returned) if no terminal could be opened. */
const struct ksym *tui_pick(const struct catalogue *c, const char *subsystem, const char **err);

#endif /* DRIVER_PICKER_TUI_H */
