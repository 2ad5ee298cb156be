/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences: the application's settings, and the health score of the open workspace. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENURE_TYPE_PREFERENCES_WINDOW (tenure_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TenurePreferencesWindow, tenure_preferences_window, TENURE, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget     *tenure_preferences_window_new               (GtkWindow               *parent);
gboolean       tenure_preferences_window_get_health_busy   (TenurePreferencesWindow *self);
GtkSpinButton *tenure_preferences_window_get_weight_button (TenurePreferencesWindow *self,
                                                            guint                    component);
const char    *tenure_preferences_window_get_backtest_text (TenurePreferencesWindow *self);

G_END_DECLS
