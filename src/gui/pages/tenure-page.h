/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The base class of the sidebar's pages: a workspace, a month, and loading on demand. */
#pragma once

#include <adwaita.h>

#include "tenure-metrics.h"
#include "tenure-workspace.h"

G_BEGIN_DECLS

#define TENURE_TYPE_PAGE (tenure_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (TenurePage, tenure_page, TENURE, PAGE, AdwBin)

struct _TenurePageClass
{
  AdwBinClass parent_class;

  /* Loads the page's figures for its workspace and month. Called when the page is on
   * screen and its workspace, month or filter changed since it last loaded. An
   * implementation calls tenure_page_begin_loading(), starts its work (off the main
   * thread, with the cancellable it got), and calls tenure_page_end_loading() when the
   * figures are shown. The default implementation loads nothing. */
  void (*reload) (TenurePage *self);

  /* Whether the window may call reload while the page is hidden, to have its figures
   * ready before it is shown (tenure_page_preload()). TRUE unless a subclass sets it
   * FALSE: a page whose reload could undo an edit in progress, or is too costly to run
   * for a page nobody looks at. */
  gboolean preload;

  gpointer padding[7];
};

TenureWorkspace *tenure_page_get_workspace  (TenurePage      *self);
void             tenure_page_set_workspace  (TenurePage      *self,
                                             TenureWorkspace *workspace);
int              tenure_page_get_month      (TenurePage      *self);
void             tenure_page_set_month      (TenurePage      *self,
                                             int              month);
gboolean         tenure_page_get_busy       (TenurePage      *self);
gboolean         tenure_page_is_ready       (TenurePage      *self);
gboolean         tenure_page_needs_reload   (TenurePage      *self);
gint64           tenure_page_get_load_time  (TenurePage      *self);
void             tenure_page_queue_reload   (TenurePage      *self);
gboolean         tenure_page_preload        (TenurePage      *self);
GCancellable    *tenure_page_begin_loading  (TenurePage      *self);
void             tenure_page_end_loading    (TenurePage      *self,
                                             GCancellable    *cancellable);

/* What a load of tenure_page_load_in_thread() is for: the page's workspace, month and
 * filter when it began, and the page's own request. */
typedef struct
{
  TenureWorkspace *workspace;
  int              month;
  TenureFilter     filter;
  gpointer         data;
} TenurePageLoad;

/* Runs in a worker thread with the workspace's read-only connection. Returns the result
 * (freed with the result_free of tenure_page_load_in_thread()), or NULL: with @error set
 * when the load failed. */
typedef gpointer (*TenurePageLoadFunc)   (TenureDb             *db,
                                          const TenurePageLoad *load,
                                          GCancellable         *cancellable,
                                          GError              **error);

/* Runs in the main thread when the load is the page's latest: shows @result (which it may
 * take fields from), or @error when the load failed. */
typedef void     (*TenurePageLoadedFunc) (TenurePage           *page,
                                          const TenurePageLoad *load,
                                          gpointer              result,
                                          const GError         *error);

void             tenure_page_load_in_thread (TenurePage           *self,
                                             TenurePageLoadFunc    load_func,
                                             gpointer              data,
                                             GDestroyNotify        data_free,
                                             GDestroyNotify        result_free,
                                             TenurePageLoadedFunc  loaded_func);
char            *tenure_page_format_summary (const TenurePageLoad *load);
void             tenure_page_show_error     (GtkStack             *stack,
                                             AdwStatusPage        *error_page,
                                             const GError         *error);

G_END_DECLS
