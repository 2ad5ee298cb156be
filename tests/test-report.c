/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report in the core: placeholder replaced below. */
#include "config.h"
int main (void) { return 0; }
