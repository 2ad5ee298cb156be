/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure: sets up the locale and translations, then runs the application. */

#define G_LOG_DOMAIN "tenure"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tenure-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TenureApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* TENURE_LOCALEDIR lets a build run from its folder find its own translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TENURE_LOCALEDIR") != NULL ?
                                   g_getenv ("TENURE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tenure_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
