/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences: the style, and the settings of the workspace of the window. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENURE_TYPE_PREFERENCES_WINDOW (tenure_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TenurePreferencesWindow, tenure_preferences_window, TENURE, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *tenure_preferences_window_new (GtkWindow *parent);

G_END_DECLS
