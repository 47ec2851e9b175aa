//go:build tools

// Package tools pins the Node.js and Python language host main packages so `go mod tidy` keeps their
// dependencies. sdk/v3 v3.68.0 is one of the last releases whose module still carried their source.
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
	_ "github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python"
)
