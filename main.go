// Command secureml runs the provider plugin; it sits at the root so `pulumi package add` can build
// the package from source (see PulumiPlugin.yaml).
package main

import "github.com/secureml/pulumi-secureml/provider"

func main() { provider.Main() }
