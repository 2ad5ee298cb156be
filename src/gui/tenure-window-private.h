/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's insides, shared by its files (and read by the GUI tests). */
#pragma once

#include "tenure-filter-button.h"
#include "tenure-month-selector.h"
#include "tenure-report-exporter.h"
#include "tenure-welcome-page.h"
#include "tenure-window.h"

G_BEGIN_DECLS

struct _TenureWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkWidget            *back_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkWidget            *export_button;
  TenureReportExporter *exporter;
  TenureFilterButton   *filter_button;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  GtkStack             *main_stack;
  TenureMonthSelector  *month_selector;
  GtkStack             *pages_stack;
  GtkListBox           *sidebar;
  GtkWidget            *sidebar_header;
  TenureWelcomePage    *welcome_page;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  GSettings            *settings;
  TenureWorkspace      *workspace;
  GBinding             *month_binding;
  GCancellable         *open_cancellable;
  GFile                *loading_file;
  char                 *view_before_loading;

  /* Watches the open workspace for changes made elsewhere (another window, tenure-cli)
   * and for the file being moved away. */
  TenureDb             *keep_db;
  char                 *watch_state;     /* the file and its log as last seen */
  guint                 local_commits;
  guint                 watch_source;
  guint64               watch_device;
  guint64               watch_inode;

  /* Looks for a hidden page to preload (tenure-window-preload.c). */
  guint                 preload_source;
  TenurePage           *preload_page;    /* the page preloading, until its time is up */
  guint                 preload_timeout;
};

void _tenure_window_class_actions_init (TenureWindowClass *klass);
void _tenure_window_update_actions     (TenureWindow      *self);
void _tenure_window_preload_init       (TenureWindow      *self);
void _tenure_window_preload_dispose    (TenureWindow      *self);

G_END_DECLS
