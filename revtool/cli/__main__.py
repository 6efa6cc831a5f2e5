from revtool.cli import main

main()
