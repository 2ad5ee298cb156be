/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The header bar's filter: every account, or one segment, plan or channel of the workspace. */
#pragma once

#include <adwaita.h>

#include "tenure-workspace.h"

G_BEGIN_DECLS

#define TENURE_TYPE_FILTER_BUTTON (tenure_filter_button_get_type ())

G_DECLARE_FINAL_TYPE (TenureFilterButton, tenure_filter_button, TENURE, FILTER_BUTTON, AdwBin)

GtkWidget       *tenure_filter_button_new           (void);
TenureWorkspace *tenure_filter_button_get_workspace (TenureFilterButton *self);
void             tenure_filter_button_set_workspace (TenureFilterButton *self,
                                                     TenureWorkspace    *workspace);
gboolean         tenure_filter_button_get_loaded    (TenureFilterButton *self);
const char      *tenure_filter_button_get_text      (TenureFilterButton *self);
const char      *tenure_filter_button_get_label     (TenureFilterButton *self);
GtkMenuButton   *tenure_filter_button_get_button    (TenureFilterButton *self);
char            *tenure_filter_button_describe      (const char         *filter);

G_END_DECLS
