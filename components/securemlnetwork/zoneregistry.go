package securemlnetwork

import (
	"fmt"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// zoneOwners remembers, for the program being run, which SecureMLNetwork creates which private DNS
// zone in which resource group. Azure holds one zone of a name per resource group, so a second
// component creating the same zone would fail at its create; the preview fails instead and says how
// to share the zones. The provider process serves one program (one engine operation), so this state
// never outlives it. Zones in a resource group whose name is unknown at preview cannot be checked.
var zoneOwners = struct {
	sync.Mutex
	owners map[string]string
}{owners: map[string]string{}}

// claimZone records that component creates zone in group, or explains the clash with another.
func claimZone(ctx *pulumi.Context, group, zone, component string) error {
	key := strings.Join([]string{ctx.Organization(), ctx.Project(), ctx.Stack(), strings.ToLower(group),
		strings.ToLower(zone)}, "/")
	zoneOwners.Lock()
	defer zoneOwners.Unlock()
	owner, taken := zoneOwners.owners[key]
	if taken && owner != component {
		return fmt.Errorf("SecureMLNetwork %q and %q would both create the private DNS zone %s in resource group %s, and "+
			"Azure holds one zone of a name per resource group; give %q dns.existingZoneIds: the privateDnsZoneIds "+
			"output of %q", owner, component, zone, group, component, owner)
	}
	zoneOwners.owners[key] = component
	return nil
}
