/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Acquisition & value page: what each channel costs and brings, and groups side by side. */
#pragma once

#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_ACQUISITION_PAGE (tenure_acquisition_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureAcquisitionPage, tenure_acquisition_page,
                      TENURE, ACQUISITION_PAGE, TenurePage)

G_END_DECLS
