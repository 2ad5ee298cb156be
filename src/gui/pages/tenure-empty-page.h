/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A page whose figures come in a later version: says what it will show, shows nothing. */
#pragma once

#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_EMPTY_PAGE (tenure_empty_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureEmptyPage, tenure_empty_page, TENURE, EMPTY_PAGE, TenurePage)

void tenure_empty_page_set_info (TenureEmptyPage *self,
                                 const char      *icon_name,
                                 const char      *title,
                                 const char      *description);

G_END_DECLS
