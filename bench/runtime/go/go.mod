module mpbench

go 1.19
