/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: welcome page, or a workspace with its sidebar of pages and month. */
#pragma once

#include <adwaita.h>

#include "tenure-import-assistant.h"
#include "tenure-page.h"
#include "tenure-workspace.h"

G_BEGIN_DECLS

#define TENURE_TYPE_WINDOW (tenure_window_get_type ())

G_DECLARE_FINAL_TYPE (TenureWindow, tenure_window, TENURE, WINDOW, AdwApplicationWindow)

TenureWindow    *tenure_window_new              (GtkApplication *application);
void             tenure_window_open_file        (TenureWindow   *self,
                                                 GFile          *file);
TenureWorkspace *tenure_window_get_workspace    (TenureWindow   *self);
gboolean         tenure_window_get_loading      (TenureWindow   *self);
gboolean         tenure_window_get_settled      (TenureWindow   *self);
void             tenure_window_show_page        (TenureWindow   *self,
                                                 const char     *name);
TenurePage      *tenure_window_get_visible_page (TenureWindow   *self);
void             tenure_window_export_report_to (TenureWindow   *self,
                                                 GFile          *file);
TenureImportAssistant *tenure_window_import     (TenureWindow   *self,
                                                 GFile          *file);
TenureWindow    *tenure_window_find_for_file    (GtkApplication *application,
                                                 GFile          *file);
void             tenure_window_open_or_present  (TenureWindow   *self,
                                                 GFile          *file);

G_END_DECLS
