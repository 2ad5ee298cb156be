/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signup form as a customer sees it: the questions asked, with radio or check buttons. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENURE_TYPE_SIGNUP_PREVIEW (tenure_signup_preview_get_type ())

G_DECLARE_FINAL_TYPE (TenureSignupPreview, tenure_signup_preview, TENURE, SIGNUP_PREVIEW, AdwBin)

GtkWidget  *tenure_signup_preview_new            (void);
void        tenure_signup_preview_set_questions  (TenureSignupPreview *self,
                                                  GPtrArray           *questions,
                                                  gint64               selected_id);
void        tenure_signup_preview_set_live_text  (TenureSignupPreview *self,
                                                  gint64               question_id,
                                                  const char          *text);
const char *tenure_signup_preview_get_text       (TenureSignupPreview *self,
                                                  gint64               question_id);

G_END_DECLS
