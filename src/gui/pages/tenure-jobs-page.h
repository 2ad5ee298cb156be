/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Jobs & activation page: how fast new accounts complete their jobs, and what it predicts. */
#pragma once

#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_JOBS_PAGE (tenure_jobs_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureJobsPage, tenure_jobs_page, TENURE, JOBS_PAGE, TenurePage)

G_END_DECLS
