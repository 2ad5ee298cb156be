/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Imports page: the files loaded into the workspace, newest first. */
#pragma once

#include "tenure-import.h"
#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_IMPORTS_PAGE (tenure_imports_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureImportsPage, tenure_imports_page, TENURE, IMPORTS_PAGE, TenurePage)

guint                     tenure_imports_page_get_n_imports (TenureImportsPage *self);
const TenureImportRecord *tenure_imports_page_get_import    (TenureImportsPage *self,
                                                             guint              index);
void                      tenure_imports_page_remove        (TenureImportsPage *self,
                                                             gint64             import_id);

G_END_DECLS
