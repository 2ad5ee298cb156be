/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long work (import, demo, report) tells its caller how far it has got. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @fraction goes from 0 to 1. Called from the thread doing the work: a GUI caller must
 * hop to the main thread (g_main_context_invoke) before touching widgets. Cancelling is
 * done through the GCancellable the long function takes, not through this callback. */
typedef void (*TenureProgressFunc) (double   fraction,
                                    gpointer user_data);

G_END_DECLS
