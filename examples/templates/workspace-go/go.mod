module ${PROJECT}

go 1.26

require (
	github.com/pulumi/pulumi/sdk/v3 v3.274.1
	github.com/secureml/pulumi-secureml/sdk v0.1.0
)
