/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: one instance, windows, app-wide actions and their accelerators. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENURE_TYPE_APPLICATION (tenure_application_get_type ())

G_DECLARE_FINAL_TYPE (TenureApplication, tenure_application, TENURE, APPLICATION, AdwApplication)

TenureApplication *tenure_application_new           (void);
char              *tenure_application_find_help_uri (const char * const *languages);

G_END_DECLS
