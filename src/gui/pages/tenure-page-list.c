/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pages of the sidebar, in order: a real page replaces tenure_empty_page_get_type. */

#define G_LOG_DOMAIN "tenure-page-list"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-accounts-page.h"
#include "tenure-acquisition-page.h"
#include "tenure-cohorts-page.h"
#include "tenure-empty-page.h"
#include "tenure-imports-page.h"
#include "tenure-jobs-page.h"
#include "tenure-onboarding-page.h"
#include "tenure-overview-page.h"
#include "tenure-page-list.h"
#include "tenure-qualification-page.h"
#include "tenure-revenue-page.h"
#include "tenure-satisfaction-page.h"

static const TenurePageInfo pages[] = {
  { "overview", N_("Overview"), "go-home-symbolic",
    NULL,
    tenure_overview_page_get_type },
  { "revenue", N_("Revenue"), "x-office-presentation-symbolic",
    NULL,
    tenure_revenue_page_get_type },
  { "cohorts", N_("Cohorts"), "view-grid-symbolic",
    NULL,
    tenure_cohorts_page_get_type },
  { "jobs", N_("Jobs & activation"), "emblem-ok-symbolic", NULL,
    tenure_jobs_page_get_type },
  { "onboarding", N_("Onboarding"), "media-playlist-consecutive-symbolic", NULL,
    tenure_onboarding_page_get_type },
  { "qualification", N_("Qualification"), "dialog-question-symbolic", NULL,
    tenure_qualification_page_get_type },
  { "accounts", N_("Accounts"), "x-office-address-book-symbolic", NULL,
    tenure_accounts_page_get_type },
  { "satisfaction", N_("Satisfaction"), "face-smile-symbolic", NULL,
    tenure_satisfaction_page_get_type },
  { "acquisition", N_("Acquisition & value"), "send-to-symbolic", NULL,
    tenure_acquisition_page_get_type },
  { "initiatives", N_("Initiatives"), "emoji-flags-symbolic",
    N_("Initiatives will show the retention actions, their cost and their effect, once "
       "the metrics are available."),
    tenure_empty_page_get_type },
  { "imports", N_("Imports"), "folder-download-symbolic", NULL,
    tenure_imports_page_get_type },
};

const TenurePageInfo *
tenure_page_list_get (guint *n_pages)
{
  g_return_val_if_fail (n_pages != NULL, NULL);

  *n_pages = G_N_ELEMENTS (pages);
  return pages;
}
