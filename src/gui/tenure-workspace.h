/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workspace as the GUI sees it: its file, company, months with data and selected month. */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"

G_BEGIN_DECLS

#define TENURE_TYPE_WORKSPACE (tenure_workspace_get_type ())

/* How long an edit on the main thread waits for another connection's lock: the main loop
 * must not stall more than 100 ms. */
#define TENURE_WORKSPACE_EDIT_WAIT_MS 10

G_DECLARE_FINAL_TYPE (TenureWorkspace, tenure_workspace, TENURE, WORKSPACE, GObject)

void             tenure_workspace_open_async      (GFile                *file,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
TenureWorkspace *tenure_workspace_open_finish     (GAsyncResult         *result,
                                                   GError              **error);

GFile           *tenure_workspace_get_file        (TenureWorkspace      *self);
const char      *tenure_workspace_get_path        (TenureWorkspace      *self);
const char      *tenure_workspace_get_file_name   (TenureWorkspace      *self);
const char      *tenure_workspace_get_company_name (TenureWorkspace     *self);
gboolean         tenure_workspace_get_has_data    (TenureWorkspace      *self);
gboolean         tenure_workspace_get_read_only   (TenureWorkspace      *self);
int              tenure_workspace_get_first_month (TenureWorkspace      *self);
int              tenure_workspace_get_last_month  (TenureWorkspace      *self);
int              tenure_workspace_get_month       (TenureWorkspace      *self);
void             tenure_workspace_set_month       (TenureWorkspace      *self,
                                                   int                   month);
const char      *tenure_workspace_get_filter      (TenureWorkspace      *self);
void             tenure_workspace_set_filter      (TenureWorkspace      *self,
                                                   const char           *filter);

TenureDb        *tenure_workspace_open_db         (TenureWorkspace      *self,
                                                   GError              **error);
TenureDb        *tenure_workspace_open_edit_db    (TenureWorkspace      *self,
                                                   GError              **error);

G_END_DECLS
