// Command pulumi-resource-secureml runs the secureml provider plugin.
package main

import "github.com/secureml/pulumi-secureml/provider"

func main() { provider.Main() }
