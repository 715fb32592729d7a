import HelderCommandLine

HelderCLI.main()
