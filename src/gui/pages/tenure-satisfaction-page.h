/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Satisfaction page: NPS and loyalty surveys month by month, and the split of the month. */
#pragma once

#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_SATISFACTION_PAGE (tenure_satisfaction_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureSatisfactionPage, tenure_satisfaction_page,
                      TENURE, SATISFACTION_PAGE, TenurePage)

G_END_DECLS
