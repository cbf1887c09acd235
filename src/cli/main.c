/* main.c: compute-atlas-cli (all of it is in libatlas-cli) */
#include "atlas-cli.h"

int
main (int   argc,
      char *argv[])
{
  return atlas_cli_run (argc, argv);
}
