//go:build e2e

package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The SDKs are not on npm, PyPI or the Go module proxy yet. So that projects install them the way a
// user's project will once they are, the tests start package registries on the loopback address,
// publish the built SDKs to them, and point npm, pip and go at them; everything else still comes
// from the real registries:
//
//   - npm: verdaccio (make test-registries) holds @secureml/pulumi-secureml, published with
//     `npm publish` of dist/secureml-pulumi-secureml-<version>.tgz, and proxies every other package
//     to the registry npm is configured with. Projects get npm_config_registry.
//   - pip: pypiserver (make test-registries) serves dist/pulumi_secureml-<version>-py3-none-any.whl.
//     Projects get it as PIP_EXTRA_INDEX_URL: pip keeps its own index (PyPI) and looks in both.
//   - go: a GOPROXY folder (the file:// form of the module proxy protocol) holds
//     github.com/secureml/pulumi-secureml/sdk at the SDK's version, zipped from sdk/. GOPROXY lists
//     it first, then the machine's module cache (as a file:// proxy, so nothing already downloaded
//     is fetched again), then the machine's own GOPROXY. The sum database does not know the module
//     (GONOSUMDB). A module cache of this run's own (GOMODCACHE) keeps a stale copy of the SDK from
//     an earlier run from being used; -trimpath keeps build-cache hits across runs despite the new
//     module cache path, and -modcacherw lets the run remove it.

const sdkModule = "github.com/secureml/pulumi-secureml/sdk"

var registries struct {
	once    sync.Once
	dir     string   // the run's folder for registry storage, the GOPROXY folder and the module cache
	env     []string // variables projects get, KEY=VALUE
	err     error    // why starting them failed
	mu      sync.Mutex
	servers []server // to stop when the run ends
}

type server struct {
	cmd    *exec.Cmd
	exited chan error
}

// registryEnv starts the registries on first use and returns the variables a project's commands need
// to install the SDKs from them.
func registryEnv(t *testing.T) []string {
	t.Helper()
	registries.once.Do(func() {
		atExit(stopRegistries)
		start := time.Now()
		registries.env, registries.err = startRegistries()
		fmt.Fprintf(os.Stderr, "e2e: package registries started and SDKs published in %s\n", time.Since(start).Round(time.Millisecond))
	})
	require.NoError(t, registries.err, "starting the package registries")
	return registries.env
}

// stopRegistries ends the registry servers and removes their files when the run ends.
func stopRegistries() {
	registries.mu.Lock()
	defer registries.mu.Unlock()
	for _, s := range registries.servers {
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
	registries.servers = nil
	if registries.dir != "" {
		_ = os.RemoveAll(registries.dir)
	}
}

func startRegistries() ([]string, error) {
	dir, err := os.MkdirTemp("", "secureml-e2e-registries-")
	if err != nil {
		return nil, err
	}
	registries.dir = dir
	var env []string
	for _, start := range []func(string) ([]string, error){startNPMRegistry, startPythonIndex, goModuleProxy} {
		vars, err := start(dir)
		if err != nil {
			return nil, err
		}
		env = append(env, vars...)
	}
	return env, nil
}

// startNPMRegistry starts verdaccio and publishes the Node.js SDK tarball to it.
func startNPMRegistry(dir string) ([]string, error) {
	bin, tarball := os.Getenv("SECUREML_VERDACCIO"), os.Getenv("SECUREML_NPM_TARBALL")
	if bin == "" || tarball == "" {
		return nil, fmt.Errorf("SECUREML_VERDACCIO and SECUREML_NPM_TARBALL must be set; run through make test-e2e")
	}
	upstream, err := exec.Command("npm", "config", "get", "registry").Output()
	if err != nil {
		return nil, fmt.Errorf("npm config get registry: %w", err)
	}
	root := filepath.Join(dir, "verdaccio")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	// @secureml packages are served only from what was published here; everything else is proxied.
	config := fmt.Sprintf(`storage: %s
auth:
  htpasswd:
    file: %s
    max_users: 10
uplinks:
  upstream:
    url: %s
    timeout: 120s
packages:
  '@secureml/*':
    access: $all
    publish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    proxy: upstream
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`, filepath.Join(root, "storage"), filepath.Join(root, "htpasswd"), strings.TrimSpace(string(upstream)))
	configPath := filepath.Join(root, "config.yaml")
	if err := os.WriteFile(configPath, []byte(config), 0o644); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)
	if err := startServer(filepath.Join(root, "verdaccio.log"), base+"-/ping", bin,
		"--config", configPath, "--listen", fmt.Sprintf("127.0.0.1:%d", port)); err != nil {
		return nil, fmt.Errorf("verdaccio: %w", err)
	}

	// A user to publish as (verdaccio's htpasswd plugin creates it on first login), then npm publish.
	body, _ := json.Marshal(map[string]string{"name": "e2e", "password": "e2e-not-secret"})
	req, err := http.NewRequest(http.MethodPut, base+"-/user/org.couchdb.user:e2e", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var login struct{ Token string }
	if err := json.NewDecoder(resp.Body).Decode(&login); err != nil || login.Token == "" {
		return nil, fmt.Errorf("verdaccio: no token for the publishing user (HTTP %d): %v", resp.StatusCode, err)
	}
	publish := exec.Command("npm", "publish", tarball, "--registry", base,
		fmt.Sprintf("--//127.0.0.1:%d/:_authToken=%s", port, login.Token))
	if out, err := publish.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("npm publish %s: %w\n%s", tarball, err, out)
	}
	return []string{"npm_config_registry=" + base}, nil
}

// startPythonIndex starts pypiserver on a folder holding the Python SDK wheel.
func startPythonIndex(dir string) ([]string, error) {
	bin, wheel := os.Getenv("SECUREML_PYPISERVER"), os.Getenv("SECUREML_WHEEL")
	if bin == "" || wheel == "" {
		return nil, fmt.Errorf("SECUREML_PYPISERVER and SECUREML_WHEEL must be set; run through make test-e2e")
	}
	packages := filepath.Join(dir, "pypi")
	if err := os.MkdirAll(packages, 0o755); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(wheel)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(packages, filepath.Base(wheel)), data, 0o644); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	index := fmt.Sprintf("http://127.0.0.1:%d/simple/", port)
	// --disable-fallback: a package it does not hold is a 404 here, and pip finds it on its own index.
	if err := startServer(filepath.Join(dir, "pypiserver.log"), index+"pulumi-secureml/", bin,
		"run", "-i", "127.0.0.1", "-p", fmt.Sprint(port), "--disable-fallback", packages); err != nil {
		return nil, fmt.Errorf("pypiserver: %w", err)
	}
	extra := index
	if existing := os.Getenv("PIP_EXTRA_INDEX_URL"); existing != "" {
		extra = existing + " " + index
	}
	return []string{"PIP_EXTRA_INDEX_URL=" + extra}, nil
}

// goModuleProxy lays out the Go SDK module as a file:// GOPROXY folder: list, .info, .mod and .zip.
func goModuleProxy(dir string) ([]string, error) {
	sdk := os.Getenv("SECUREML_SDK_DIR")
	if sdk == "" {
		return nil, fmt.Errorf("SECUREML_SDK_DIR must be set; run through make test-e2e")
	}
	version, err := sdkVersion()
	if err != nil {
		return nil, err
	}
	proxy := filepath.Join(dir, "goproxy")
	versions := filepath.Join(proxy, filepath.FromSlash(sdkModule), "@v")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		return nil, err
	}
	gomod, err := os.ReadFile(filepath.Join(sdk, "go.mod"))
	if err != nil {
		return nil, err
	}
	info := fmt.Sprintf(`{"Version":%q,"Time":%q}`, version, time.Now().UTC().Format(time.RFC3339))
	for name, data := range map[string][]byte{
		"list": []byte(version + "\n"), version + ".info": []byte(info), version + ".mod": gomod,
	} {
		if err := os.WriteFile(filepath.Join(versions, name), data, 0o644); err != nil {
			return nil, err
		}
	}
	if err := zipModule(sdk, version, filepath.Join(versions, version+".zip")); err != nil {
		return nil, err
	}

	out, err := exec.Command("go", "env", "GOPROXY", "GOMODCACHE", "GONOSUMDB", "GOFLAGS").Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	goenv := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(goenv) != 4 {
		return nil, fmt.Errorf("go env printed %q", out)
	}
	upstream, cache, nosumdb, flags := goenv[0], goenv[1], goenv[2], goenv[3]
	goproxy := "file://" + proxy + ",file://" + filepath.Join(cache, "cache", "download")
	if upstream != "" && upstream != "off" {
		goproxy += "," + upstream
	}
	nosumdb = strings.TrimPrefix(nosumdb+","+"github.com/secureml/pulumi-secureml", ",")
	return []string{
		"GOPROXY=" + goproxy,
		"GONOSUMDB=" + nosumdb,
		"GOMODCACHE=" + filepath.Join(dir, "gomodcache"),
		"GOFLAGS=" + strings.TrimSpace(flags+" -modcacherw -trimpath"),
	}, nil
}

// sdkVersion is the SDK's version as a Go module version, from the plugin metadata the Go SDK carries.
func sdkVersion() (string, error) {
	data, err := os.ReadFile(filepath.Join(os.Getenv("SECUREML_SDK_DIR"), "go", "secureml", "pulumi-plugin.json"))
	if err != nil {
		return "", err
	}
	var plugin struct{ Version string }
	if err := json.Unmarshal(data, &plugin); err != nil || plugin.Version == "" {
		return "", fmt.Errorf("no version in the Go SDK's pulumi-plugin.json: %v", err)
	}
	return "v" + strings.TrimPrefix(plugin.Version, "v"), nil
}

// zipModule writes the module zip the go command expects: every file under module@version/, no
// directory entries. It holds the module's go.mod and go.sum and the Go SDK under go/; the Node.js
// and Python SDKs in the same folder are no part of what a Go build reads.
func zipModule(sdk, version, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := zip.NewWriter(f)
	add := func(rel string) error {
		src, err := os.Open(filepath.Join(sdk, rel))
		if err != nil {
			return err
		}
		defer src.Close()
		dst, err := w.Create(sdkModule + "@" + version + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = io.Copy(dst, src)
		return err
	}
	for _, rel := range []string{"go.mod", "go.sum"} {
		if err := add(rel); err != nil {
			return err
		}
	}
	err = filepath.WalkDir(filepath.Join(sdk, "go"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(sdk, p)
		if err != nil {
			return err
		}
		return add(rel)
	})
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return f.Close()
}

// startServer starts a registry server with its output in logPath and waits until ready answers
// 200. The server dies with the test process (Pdeathsig) and is stopped by stopRegistries.
func startServer(logPath, ready, name string, args ...string) error {
	logFile, err := os.Create(logPath)
	if err != nil {
		return err
	}
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); close(exited) }()
	registries.mu.Lock()
	registries.servers = append(registries.servers, server{cmd: cmd, exited: exited})
	registries.mu.Unlock()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ready, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case err := <-exited:
			out, _ := os.ReadFile(logPath)
			return fmt.Errorf("exited before it was ready (%v):\n%s", err, out)
		case <-ctx.Done():
			out, _ := os.ReadFile(logPath)
			return fmt.Errorf("%s did not answer 200 in time:\n%s", ready, out)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
