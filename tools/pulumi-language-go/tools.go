//go:build tools

// Package tools pins the Go language host main package so `go mod tidy` keeps its dependencies.
// sdk/v3 v3.62.0 is the last release whose module carried it.
package tools

import _ "github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go"
