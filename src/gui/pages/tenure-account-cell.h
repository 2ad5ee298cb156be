/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One line of text in a cell of the Accounts page's list, laid out only when drawn. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TENURE_TYPE_ACCOUNT_CELL (tenure_account_cell_get_type ())

G_DECLARE_FINAL_TYPE (TenureAccountCell, tenure_account_cell, TENURE, ACCOUNT_CELL, GtkWidget)

GtkWidget  *tenure_account_cell_new      (float              xalign,
                                          guint              nat_chars);
void        tenure_account_cell_set_text (TenureAccountCell *self,
                                          const char        *text);
const char *tenure_account_cell_get_text (TenureAccountCell *self);

G_END_DECLS
