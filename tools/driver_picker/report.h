/* SPDX-License-Identifier: MIT */
/*
 * The picker's outputs: a driver list as TSV or JSON, and one driver's
 * details as "key: value" lines (the manifest's style) or JSON.
 *
 * TSV columns: symbol (with CONFIG_), prompt, menu path, directory,
 * objects (space-separated).  Tabs and newlines in values become spaces.
 */
#ifndef DRIVER_PICKER_REPORT_H
#define DRIVER_PICKER_REPORT_H

#include "drivers.h"

#include <stdio.h>

enum report_format { FORMAT_TEXT, FORMAT_TSV, FORMAT_JSON };

void report_list(FILE *f, struct ksym *const *drivers, size_t n, enum report_format fmt);
void report_driver(FILE *f, const struct catalogue *c, const struct ksym *s,
		   enum report_format fmt);

#endif /* DRIVER_PICKER_REPORT_H */
