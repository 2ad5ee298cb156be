/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Initiatives page: retention actions, their churn against the others, gain and ROI. */
#pragma once

#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_INITIATIVES_PAGE (tenure_initiatives_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureInitiativesPage, tenure_initiatives_page,
                      TENURE, INITIATIVES_PAGE, TenurePage)

G_END_DECLS
