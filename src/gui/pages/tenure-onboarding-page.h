/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Onboarding page: the scenarios with their completion, and the designer of one. */
#pragma once

#include "tenure-page.h"
#include "tenure-scenario-designer.h"

G_BEGIN_DECLS

#define TENURE_TYPE_ONBOARDING_PAGE (tenure_onboarding_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureOnboardingPage, tenure_onboarding_page,
                      TENURE, ONBOARDING_PAGE, TenurePage)

guint          tenure_onboarding_page_get_n_scenarios     (TenureOnboardingPage *self);
const char    *tenure_onboarding_page_get_completion_text (TenureOnboardingPage *self,
                                                           gint64                scenario_id);
const char    *tenure_onboarding_page_get_view            (TenureOnboardingPage *self);
void           tenure_onboarding_page_open_scenario       (TenureOnboardingPage *self,
                                                           gint64                scenario_id);
TenureScenarioDesigner *
               tenure_onboarding_page_get_designer        (TenureOnboardingPage *self);
TenureScenarioEditor *
               tenure_onboarding_page_get_editor          (TenureOnboardingPage *self);
gboolean       tenure_onboarding_page_get_enrolling       (TenureOnboardingPage *self);
const char    *tenure_onboarding_page_get_last_toast      (TenureOnboardingPage *self);

G_END_DECLS
